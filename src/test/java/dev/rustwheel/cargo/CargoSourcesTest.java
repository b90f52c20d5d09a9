package dev.rustwheel.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cargo that cannot run is named with the parameter as the caller describes it. */
class CargoSourcesTest {

    @Test
    void aCargoThatCannotRunNamesTheParameterItWasGiven(@TempDir Path dir) throws Exception {
        Path manifest = Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"demo\"\n");
        CargoSources sources = new CargoSources(new ProcessRunner(command -> { }), "cargo-that-does-not-exist",
                Map.of(), true, "cargoExecutable (property rustwheel.cargoExecutable)");

        CargoException e = assertThrows(CargoException.class, () -> sources.of(manifest));

        assertEquals(CargoException.Reason.NOT_RUNNABLE, e.reason());
        assertTrue(e.getMessage().contains("'cargo-that-does-not-exist'")
                && e.getMessage().endsWith("Install Rust or set cargoExecutable (property rustwheel.cargoExecutable)."),
                e.getMessage());
    }
}
