package dev.rustwheel.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustwheel.staging.LinkedCrate;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** On the {@code cargo metadata} output of the PyO3 test crate (src/it/pyo3-wheel), recorded with cargo 1.95. */
class CrateGraphTest {

    private static final String ROOT = "path+file:///work/pyo3-demo#pyo3-demo@0.3.0-alpha.2";
    private static final String REGISTRY = "registry+https://github.com/rust-lang/crates.io-index#";

    /** The crates maturin 1.15's SBOM lists for the same crate (cargo-cyclonedx 0.5.9), and their scopes. */
    private static final Map<String, Boolean> MATURIN = Map.ofEntries(
            Map.entry("autocfg@1.1.0", false), Map.entry("cfg-if@1.0.0", true), Map.entry("indoc@1.0.4", true),
            Map.entry("libc@0.2.139", true), Map.entry("lock_api@0.4.9", true), Map.entry("memoffset@0.6.5", true),
            Map.entry("once_cell@1.17.0", false), Map.entry("parking_lot@0.12.1", true),
            Map.entry("parking_lot_core@0.9.3", true), Map.entry("proc-macro2@1.0.47", true),
            Map.entry("pyo3-build-config@0.17.3", false), Map.entry("pyo3-ffi@0.17.3", true),
            Map.entry("pyo3-macros-backend@0.17.3", true), Map.entry("pyo3-macros@0.17.3", true),
            Map.entry("pyo3@0.17.3", true), Map.entry("quote@1.0.21", true), Map.entry("scopeguard@1.1.0", true),
            Map.entry("smallvec@1.9.0", true), Map.entry("syn@1.0.107", true),
            Map.entry("target-lexicon@0.12.3", false), Map.entry("unicode-ident@1.0.0", true),
            Map.entry("unindent@0.1.8", true));

    private static List<LinkedCrate> crates() throws Exception {
        try (InputStream in = CrateGraphTest.class.getResourceAsStream("pyo3-demo-metadata.json")) {
            return CrateGraph.resolve(new ObjectMapper().readTree(in), ROOT);
        }
    }

    @Test
    void theRootComesFirstThenEveryCrateMaturinListsWithTheSameScope() throws Exception {
        List<LinkedCrate> crates = crates();
        assertEquals(ROOT, crates.get(0).id());
        Map<String, Boolean> listed = crates.subList(1, crates.size()).stream()
                .collect(Collectors.toMap(c -> c.name() + "@" + c.version(), LinkedCrate::runtime));
        assertEquals(MATURIN, listed);
    }

    @Test
    void licensesAndSourcesAreCargosOwn() throws Exception {
        Map<String, LinkedCrate> byName = crates().stream()
                .collect(Collectors.toMap(LinkedCrate::name, Function.identity()));
        assertEquals("Apache-2.0", byName.get("pyo3").license());
        assertEquals("Apache-2.0 WITH LLVM-exception", byName.get("target-lexicon").license());
        assertEquals("registry+https://github.com/rust-lang/crates.io-index", byName.get("pyo3").source());
        assertEquals(null, byName.get("pyo3-demo").source());
        assertEquals(null, byName.get("pyo3-demo").license());
    }

    @Test
    void theGraphFollowsNormalAndBuildDependencies() throws Exception {
        Map<String, LinkedCrate> byName = crates().stream()
                .collect(Collectors.toMap(LinkedCrate::name, Function.identity()));
        assertEquals(List.of(REGISTRY + "pyo3@0.17.3"), byName.get("pyo3-demo").dependsOn());
        assertEquals(List.of(REGISTRY + "autocfg@1.1.0", REGISTRY + "scopeguard@1.1.0"),
                byName.get("lock_api").dependsOn());
        assertTrue(byName.get("pyo3").dependsOn().contains(REGISTRY + "pyo3-build-config@0.17.3"));
        assertTrue(byName.get("unindent").dependsOn().isEmpty());
        assertFalse(byName.get("pyo3-build-config").runtime(), "used only by build scripts");
    }

    @Test
    void metadataWithoutAGraphGivesNoCrates() throws Exception {
        assertEquals(List.of(), CrateGraph.resolve(new ObjectMapper().readTree("{\"resolve\":null}"), ROOT));
        assertEquals(Set.of(), Set.copyOf(CrateGraph.resolve(new ObjectMapper().readTree("{}"), ROOT)));
    }
}
