package dev.rustwheel.wheel.sbom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The fingerprint stands for the rendered bytes: every input changes it, equal inputs keep it. */
class SbomDocumentTest {

    private static final SbomComponent WHEEL = new SbomComponent("pkg:pypi/demo@1.0", "demo", "1.0",
            "pkg:pypi/demo@1.0", null, null, true, List.of("pkg:cargo/demo@1.0"));
    private static final SbomComponent CRATE = new SbomComponent("pkg:cargo/demo@1.0", "demo", "1.0",
            "pkg:cargo/demo@1.0", "MIT", null, true, List.of("pkg:cargo/pyo3@0.17.3"));
    private static final SbomComponent PYO3 = new SbomComponent("pkg:cargo/pyo3@0.17.3", "pyo3", "0.17.3",
            "pkg:cargo/pyo3@0.17.3", "Apache-2.0", null, true, List.of());
    private static final SbomDocument DOCUMENT = new SbomDocument(WHEEL, List.of(CRATE, PYO3), "0.2.0",
            Optional.empty());

    @Test
    void equalInputsGiveEqualFingerprintsAndTheRenderedBytes() throws Exception {
        SbomDocument same = new SbomDocument(WHEEL, List.of(CRATE, PYO3), "0.2.0", Optional.empty());
        assertEquals(DOCUMENT.fingerprint(), same.fingerprint());
        assertEquals("generated:sbom:" + DOCUMENT.fingerprint(), same.content().fingerprint());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        same.content().writeTo(out);
        assertArrayEquals(Sbom.render(WHEEL, List.of(CRATE, PYO3), "0.2.0", Optional.empty()), out.toByteArray());
    }

    static Stream<Arguments> changes() {
        return Stream.<UnaryOperator<SbomDocument>>of(
                d -> new SbomDocument(d.wheel(), d.components(), "0.2.1", d.timestamp()),
                d -> new SbomDocument(d.wheel(), d.components(), d.toolVersion(),
                        Optional.of(Instant.parse("2026-11-30T00:00:00Z"))),
                d -> new SbomDocument(d.wheel(), List.of(CRATE), d.toolVersion(), d.timestamp()),
                d -> new SbomDocument(d.wheel(), List.of(PYO3, CRATE), d.toolVersion(), d.timestamp()),
                d -> new SbomDocument(d.wheel(), List.of(CRATE, new SbomComponent(PYO3.ref(), PYO3.name(), "0.17.4",
                        PYO3.purl(), PYO3.license(), null, true, List.of())), d.toolVersion(), d.timestamp()),
                d -> new SbomDocument(d.wheel(), List.of(CRATE, new SbomComponent(PYO3.ref(), PYO3.name(),
                        PYO3.version(), PYO3.purl(), null, null, true, List.of())), d.toolVersion(), d.timestamp()),
                d -> new SbomDocument(d.wheel(), List.of(CRATE, new SbomComponent(PYO3.ref(), PYO3.name(),
                        PYO3.version(), PYO3.purl(), PYO3.license(), null, false, List.of())), d.toolVersion(),
                        d.timestamp()),
                d -> new SbomDocument(d.wheel(), List.of(new SbomComponent(CRATE.ref(), CRATE.name(), CRATE.version(),
                        CRATE.purl(), CRATE.license(), null, true, List.of()), PYO3), d.toolVersion(), d.timestamp()),
                d -> new SbomDocument(d.wheel(), List.of(CRATE, new SbomComponent(PYO3.ref(), PYO3.name(),
                        PYO3.version(), PYO3.purl(), PYO3.license(), "00ff", true, List.of())), d.toolVersion(),
                        d.timestamp()),
                // the same characters split differently between two values
                d -> new SbomDocument(d.wheel(), List.of(CRATE, new SbomComponent(PYO3.ref(), "pyo30.17.3", "",
                        PYO3.purl(), PYO3.license(), null, true, List.of())), d.toolVersion(), d.timestamp()),
                d -> new SbomDocument(new SbomComponent(WHEEL.ref(), WHEEL.name(), "1.1", WHEEL.purl(), null, null,
                        true, WHEEL.dependsOn()), d.components(), d.toolVersion(), d.timestamp()))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("changes")
    void anyChangedInputChangesTheFingerprint(UnaryOperator<SbomDocument> change) {
        assertNotEquals(DOCUMENT.fingerprint(), change.apply(DOCUMENT).fingerprint());
    }

    @Test
    void theSbomLivesUnderSboms() {
        assertEquals("sboms/pyo3-demo.cyclonedx.json", SbomDocument.path("pyo3-demo"));
    }
}
