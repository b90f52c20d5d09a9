package dev.rustwheel.goals.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.goals.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WheelhouseStepTest {

    @TempDir
    Path directory;

    @Test
    void removesWheelsNoLongerDependedOnAndLeavesOtherFiles() throws Exception {
        Path wheelhouse = directory.resolve("wheelhouse");
        Files.createDirectories(wheelhouse);
        Files.writeString(wheelhouse.resolve("old-1.0-py3-none-any.whl"), "an earlier build's wheel");
        Files.writeString(wheelhouse.resolve("notes.txt"), "not a wheel");
        Files.createDirectories(wheelhouse.resolve("unpacked.whl"));
        RecordingLog log = new RecordingLog();

        Map<Path, Path> placed = new WheelhouseStep(log).run(List.of(), wheelhouse);

        assertTrue(placed.isEmpty());
        assertFalse(Files.exists(wheelhouse.resolve("old-1.0-py3-none-any.whl")));
        assertTrue(Files.exists(wheelhouse.resolve("notes.txt")));
        assertTrue(Files.isDirectory(wheelhouse.resolve("unpacked.whl")));
        assertEquals(List.of("Wheelhouse: removing old-1.0-py3-none-any.whl, no longer a dependency"), log.lines());
    }
}
