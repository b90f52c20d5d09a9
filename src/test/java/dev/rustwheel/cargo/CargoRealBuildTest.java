package dev.rustwheel.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real cargo (offline) on a tiny crate without dependencies; skipped where cargo is not installed. */
class CargoRealBuildTest {

    @TempDir
    Path tempDir;

    private Path manifest;
    private final List<String> log = new ArrayList<>();
    private final Cargo cargo = new Cargo(new ProcessRunner(log::add), log::add);

    @BeforeEach
    void writeCrate() throws Exception {
        Assumptions.assumeTrue(cargoIsInstalled(), "cargo is not on PATH");
        manifest = Files.writeString(Files.createDirectories(tempDir.resolve("demo")).resolve("Cargo.toml"), """
                [package]
                name = "demo-lib"
                version = "0.3.1"
                edition = "2021"

                [lib]
                crate-type = ["cdylib"]
                """);
        Files.createDirectories(manifest.resolveSibling("src"));
        Files.writeString(manifest.resolveSibling("src/lib.rs"), """
                #[no_mangle]
                pub extern "C" fn answer() -> i32 { 42 }
                """);
    }

    private static boolean cargoIsInstalled() {
        try {
            return new ProcessBuilder("cargo", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private CargoBuildRequest request() {
        return new CargoBuildRequest("cargo", manifest, "dev", List.of(), false, List.of(),
                Map.of("CARGO_TARGET_DIR", tempDir.resolve("target").toString(), "CARGO_TERM_COLOR", "never"), true);
    }

    @Test
    void reportsTheCdylibAndCargosFreshnessVerdict() throws Exception {
        CargoBuildResult first = build(request());

        assertEquals("demo-lib", first.packageName());
        assertEquals("0.3.1", first.version());
        assertEquals(1, first.artifacts().size(), first.toString());
        CargoArtifact library = first.artifacts().get(0);
        assertEquals("cdylib", library.kind());
        assertEquals("demo_lib", library.name());
        assertTrue(library.path().startsWith(tempDir.resolve("target/debug")), library.path().toString());
        assertTrue(Files.isRegularFile(library.path()), library.path() + " exists");
        assertFalse(library.fresh(), "built for the first time");
        assertTrue(log.stream().anyMatch(line -> line.contains("Compiling demo-lib v0.3.1")), log.toString());

        CargoBuildResult second = build(request());

        assertEquals(library.path(), second.artifacts().get(0).path());
        assertTrue(second.artifacts().get(0).fresh(), "nothing changed, so cargo did not rebuild it");
    }

    @Test
    void aCompileErrorFailsWithRustcsMessage() throws Exception {
        Files.writeString(manifest.resolveSibling("src/lib.rs"), "pub fn answer() -> i32 { \"forty-two\" }\n");

        CargoException e = assertThrows(CargoException.class, () -> build(request()));

        assertEquals(CargoException.Reason.BUILD_FAILED, e.reason());
        assertTrue(e.getMessage().contains(manifest.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("error[E0308]: mismatched types"), e.getMessage());
    }

    private CargoBuildResult build(CargoBuildRequest request) throws CargoException {
        return cargo.build(request, cargo.locate(request));
    }
}
