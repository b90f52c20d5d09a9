package dev.rustwheel.goals.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustwheel.cargo.CrateGraph;
import dev.rustwheel.project.pyproject.ProjectMetadata;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import dev.rustwheel.staging.GraftedLibrary;
import dev.rustwheel.staging.LinkedCrate;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import dev.rustwheel.wheel.zip.Compression;
import dev.rustwheel.wheel.zip.PackedWheel;
import dev.rustwheel.wheel.zip.WheelUpdate;
import dev.rustwheel.wheel.zip.WheelWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SBOM of the PyO3 test crate, from its recorded {@code cargo metadata} and one grafted library. */
class SbomContentsTest {

    private static final String ROOT = "path+file:///work/pyo3-demo#pyo3-demo@0.3.0-alpha.2";
    private static final String WHEEL = "pyo3_demo-0.3.0a2-cp311-cp311-manylinux_2_17_x86_64.whl";

    @TempDir
    Path tempDir;

    private StagingManifest manifest;
    private ProjectMetadata metadata;
    private SystemPackages systemPackages;

    @BeforeEach
    void setUp() throws Exception {
        JsonNode cargoMetadata;
        try (InputStream in = CrateGraph.class.getResourceAsStream("pyo3-demo-metadata.json")) {
            cargoMetadata = new ObjectMapper().readTree(in);
        }
        List<LinkedCrate> crates = CrateGraph.resolve(cargoMetadata, ROOT).stream().map(c -> new LinkedCrate(c.id(),
                c.name(), c.version(), c.source(), c.license(), c.runtime(), c.dependsOn())).toList();
        Path library = Files.write(tempDir.resolve("libdemo.so.1"), new byte[] {1, 2, 3});
        CrateInfo crate = new CrateInfo(tempDir.resolve("Cargo.toml"), "pyo3-demo", "0.3.0-alpha.2", null,
                CrateMetadata.EMPTY, Map.of(), crates, null);
        manifest = StagingManifest.of(crate, List.of(), List.of()).withGrafted(List.of(new GraftedLibrary(
                List.of("libdemo.so.1"), library, "pyo3_demo.libs/libdemo-039058c6.so.1",
                "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", 3, "2026-11-30T09:00:00Z", null)));
        metadata = ProjectMetadata.resolve(tempDir.resolve("pyproject.toml"), crate);
        systemPackages = new SystemPackages(tempDir.resolve("no-os-release"));
    }

    private JsonNode sbom(FileTime time) throws Exception {
        return new ObjectMapper().readTree(bytes(new SbomContents(systemPackages).entry(manifest, metadata, WHEEL,
                time, "0.2.0")));
    }

    private static byte[] bytes(WheelEntry entry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entry.content().writeTo(out);
        return out.toByteArray();
    }

    private static Map<String, JsonNode> componentsByRef(JsonNode sbom) {
        Map<String, JsonNode> byRef = new HashMap<>();
        sbom.path("components").forEach(c -> byRef.put(c.path("bom-ref").asText(), c));
        return byRef;
    }

    @Test
    void theWheelIsTheRootAndUsesTheCrateAndTheGraftedLibrary() throws Exception {
        JsonNode sbom = sbom(WheelWriter.ZIP_EPOCH);
        assertEquals("CycloneDX", sbom.path("bomFormat").asText());
        assertEquals("1.5", sbom.path("specVersion").asText());
        JsonNode wheel = sbom.path("metadata").path("component");
        String wheelPurl = "pkg:pypi/pyo3-demo@0.3.0a2?file_name=" + WHEEL;
        assertEquals(wheelPurl, wheel.path("purl").asText());
        assertEquals("0.3.0a2", wheel.path("version").asText());
        assertEquals("rustwheel-maven-plugin",
                sbom.path("metadata").path("tools").path("components").get(0).path("name").asText());
        JsonNode rootDependency = sbom.path("dependencies").get(0);
        assertEquals(wheelPurl, rootDependency.path("ref").asText());
        assertEquals(List.of("pkg:cargo/pyo3-demo@0.3.0-alpha.2", "pyo3_demo.libs/libdemo-039058c6.so.1"),
                textList(rootDependency.path("dependsOn")));
    }

    private static List<String> textList(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void everyCrateHasItsPurlLicenseScopeAndEdges() throws Exception {
        JsonNode sbom = sbom(WheelWriter.ZIP_EPOCH);
        Map<String, JsonNode> components = componentsByRef(sbom);
        assertEquals(24, components.size(), "the crate, the 22 crates it pulls in and the grafted library");
        JsonNode pyo3 = components.get("pkg:cargo/pyo3@0.17.3");
        assertEquals("Apache-2.0", pyo3.path("licenses").get(0).path("expression").asText());
        assertEquals("required", pyo3.path("scope").asText());
        assertEquals("excluded", components.get("pkg:cargo/pyo3-build-config@0.17.3").path("scope").asText());
        Map<String, List<String>> edges = new HashMap<>();
        sbom.path("dependencies").forEach(d -> edges.put(d.path("ref").asText(), textList(d.path("dependsOn"))));
        assertEquals(List.of("pkg:cargo/autocfg@1.1.0", "pkg:cargo/scopeguard@1.1.0"),
                edges.get("pkg:cargo/lock_api@0.4.9"));
        assertEquals(List.of("pkg:cargo/pyo3@0.17.3"), edges.get("pkg:cargo/pyo3-demo@0.3.0-alpha.2"));
    }

    @Test
    void aGraftedLibraryUnknownToThePackageManagerHasItsFileNameAndDigest() throws Exception {
        JsonNode library = componentsByRef(sbom(WheelWriter.ZIP_EPOCH)).get("pyo3_demo.libs/libdemo-039058c6.so.1");
        assertEquals("libdemo-039058c6.so.1", library.path("name").asText());
        assertEquals("SHA-256", library.path("hashes").get(0).path("alg").asText());
        assertEquals("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81",
                library.path("hashes").get(0).path("content").asText());
        assertTrue(library.path("purl").isMissingNode());
    }

    @Test
    void itIsValidCycloneDx15() throws Exception {
        byte[] json = bytes(new SbomContents(systemPackages).entry(manifest, metadata, WHEEL, WheelWriter.ZIP_EPOCH,
                "0.2.0"));
        assertEquals(List.of(), new JsonParser().validate(json, Version.VERSION_15));
    }

    @Test
    void theSameInputsGiveTheSameBytesAndATimeOnlyWhenTheBuildFixedOne() throws Exception {
        SbomContents contents = new SbomContents(systemPackages);
        byte[] first = bytes(contents.entry(manifest, metadata, WHEEL, WheelWriter.ZIP_EPOCH, "0.2.0"));
        assertArrayEquals(first, bytes(contents.entry(manifest, metadata, WHEEL, WheelWriter.ZIP_EPOCH, "0.2.0")));
        JsonNode untimed = new ObjectMapper().readTree(first);
        assertTrue(untimed.path("serialNumber").asText().startsWith("urn:uuid:"));
        assertTrue(untimed.path("metadata").path("timestamp").isMissingNode());
        JsonNode timed = sbom(FileTime.from(Instant.parse("2026-11-25T00:00:00Z")));
        assertEquals("2026-11-25T00:00:00Z", timed.path("metadata").path("timestamp").asText());
        assertFalse(timed.path("serialNumber").equals(untimed.path("serialNumber")));
    }

    @Test
    void theSbomIsNamedAfterTheCrateAsMaturinNamesIt() throws Exception {
        assertEquals("sboms/pyo3-demo.cyclonedx.json", new SbomContents(systemPackages).entry(manifest, metadata,
                WHEEL, WheelWriter.ZIP_EPOCH, "0.2.0").path());
    }

    @Test
    void oldStyleCargoLicensesBecomeSpdxExpressions() {
        assertEquals("MIT OR Apache-2.0", SbomContents.spdx("MIT/Apache-2.0"));
        assertEquals("MIT OR Apache-2.0", SbomContents.spdx("MIT OR Apache-2.0"));
        assertEquals(null, SbomContents.spdx(" "));
    }

    @Test
    void dpkgNamesThePackageThatInstalledAFile() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-query")), "not a dpkg system");
        SystemPackages.SystemPackage dpkg = new SystemPackages(Path.of("/etc/os-release"))
                .owner(Path.of("/usr/bin/dpkg-query")).orElseThrow();
        assertEquals("dpkg", dpkg.name());
        assertTrue(dpkg.purl().startsWith("pkg:deb/"), dpkg.purl());
        assertTrue(new SystemPackages(Path.of("/etc/os-release")).owner(tempDir.resolve("libdemo.so.1")).isEmpty());
    }

    @Test
    void purlsEncodeWhatTheSpecificationReserves() {
        assertEquals("pkg:cargo/foo@1.0.0%2Bbuild.1", Purls.cargo("foo", "1.0.0+build.1"));
        assertEquals("pkg:deb/debian/zlib1g@1%3A1.2.13.dfsg-1?arch=amd64",
                new SystemPackages.SystemPackage("debian", "zlib1g", "1:1.2.13.dfsg-1", "amd64").purl());
    }

    /** The SBOM entry, with a count of the times the wheel writer asked for its bytes (their size or the bytes). */
    private record Counted(EntryContent content, AtomicInteger reads) implements EntryContent {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            reads.incrementAndGet();
            content.writeTo(out);
        }

        @Override
        public long size() throws IOException {
            reads.incrementAndGet();
            return content.size();
        }

        @Override
        public String fingerprint() throws IOException {
            return content.fingerprint();
        }
    }

    private WheelUpdate writeWheel(Path wheel, Path python, PackedWheel previous, AtomicInteger sbomReads)
            throws IOException {
        WheelEntry sbom = new SbomContents(systemPackages).entry(manifest, metadata, WHEEL, WheelWriter.ZIP_EPOCH,
                "0.2.0");
        return new WheelWriter(WheelWriter.ZIP_EPOCH, Compression.DEFAULT, 1, p -> { }).update(wheel,
                "pyo3_demo-0.3.0a2.dist-info", List.of(new WheelEntry("pyo3_demo/__init__.py",
                        EntryContent.ofFile(python), false)),
                List.of(new WheelEntry(sbom.path(), new Counted(sbom.content(), sbomReads), false)), previous);
    }

    private byte[] coldWheel(Path python) throws IOException {
        Path cold = tempDir.resolve("cold/" + WHEEL);
        Files.deleteIfExists(cold);
        writeWheel(cold, python, null, new AtomicInteger());
        return Files.readAllBytes(cold);
    }

    @Test
    void aRebuildRendersTheSbomOnlyWhenWhatItListsChanged() throws Exception {
        Path python = Files.writeString(tempDir.resolve("__init__.py"), "from .pyo3_demo import *\n");
        Files.setLastModifiedTime(python, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Path wheel = tempDir.resolve("wheels/" + WHEEL);
        AtomicInteger reads = new AtomicInteger();
        PackedWheel first = writeWheel(wheel, python, null, reads).wheel();
        assertTrue(reads.get() > 0, "a cold build renders the SBOM");

        reads.set(0);
        WheelUpdate unchanged = writeWheel(wheel, python, first, reads);
        assertTrue(unchanged.untouched());
        assertEquals(0, reads.get(), "nothing changed: the SBOM is not rendered");

        Files.writeString(python, "from .pyo3_demo import *\nVERSION = 2\n");
        WheelUpdate pythonChanged = writeWheel(wheel, python, unchanged.wheel(), reads);
        assertEquals(1, pythonChanged.reused(), "the SBOM entry is copied from the previous wheel");
        assertEquals(0, reads.get());
        assertArrayEquals(coldWheel(python), Files.readAllBytes(wheel));

        manifest = manifest.withGrafted(List.of());
        WheelUpdate sbomChanged = writeWheel(wheel, python, pythonChanged.wheel(), reads);
        assertEquals(1, sbomChanged.reused(), "only the unchanged Python file is copied");
        assertTrue(reads.get() > 0, "the SBOM lists something else: rendered again");
        assertArrayEquals(coldWheel(python), Files.readAllBytes(wheel));
    }
}
