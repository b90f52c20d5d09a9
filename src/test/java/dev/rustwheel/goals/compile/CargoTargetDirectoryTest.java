package dev.rustwheel.goals.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.goals.BuildException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CargoTargetDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void unsetLeavesTheEnvironmentAsItIs() throws Exception {
        Map<String, String> configured = Map.of("CARGO_TARGET_DIR", "/from/user", "RUSTC_WRAPPER", "sccache");
        assertEquals(configured, CargoTargetDirectory.environment(configured, null, "p"));
    }

    @Test
    void aDirectoryIsGivenToCargoAbsoluteAndWinsWhileTheRestPassesThrough() throws Exception {
        Map<String, String> environment = CargoTargetDirectory.environment(
                Map.of("CARGO_TARGET_DIR", "/from/user", "RUSTC_WRAPPER", "sccache"),
                dir.resolve("shared/../cargo-target"), "p");
        assertEquals(Map.of("CARGO_TARGET_DIR", dir.resolve("cargo-target").toString(), "RUSTC_WRAPPER", "sccache"),
                environment);
    }

    @Test
    void aFileIsRefusedNamingTheParameterAndTheValue() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        BuildException e = assertThrows(BuildException.class,
                () -> CargoTargetDirectory.environment(Map.of(), file, "rustwheel.cargoTargetDirectory"));
        assertTrue(e.getMessage().contains("cargoTargetDirectory (property rustwheel.cargoTargetDirectory) is "
                + file + ", which is not a directory"), e.getMessage());
    }
}
