package dev.rustwheel.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept answer holds while its question and the files it depends on are the same. */
class ToolAnswersTest {

    private static final List<String> COMMAND = List.of("rustc", "--print", "sysroot");

    @TempDir
    Path dir;

    private ToolAnswers answers;
    private Path input;

    @BeforeEach
    void keepOneAnswer() throws Exception {
        answers = new ToolAnswers(dir.resolve("cache"), "rustc-sysroot");
        input = Files.writeString(dir.resolve("rust-toolchain.toml"), "[toolchain]\n");
        Files.setLastModifiedTime(input, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        answers.keep(COMMAND, dir, Map.of(), "/sysroot", List.of(input, dir.resolve("absent.toml")));
    }

    @Test
    void theSameQuestionGetsTheKeptAnswer() {
        assertEquals(Optional.of("/sysroot"), answers.read(COMMAND, dir, Map.of()));
    }

    @Test
    void aChangedOrNewInputFileDropsIt() throws Exception {
        Files.setLastModifiedTime(input, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        assertEquals(Optional.empty(), answers.read(COMMAND, dir, Map.of()));
        answers.keep(COMMAND, dir, Map.of(), "/sysroot", List.of(input, dir.resolve("absent.toml")));
        Files.writeString(dir.resolve("absent.toml"), "");
        assertEquals(Optional.empty(), answers.read(COMMAND, dir, Map.of()));
    }

    @Test
    void anotherCommandDirectoryOrEnvironmentIsAnotherQuestion() throws Exception {
        assertEquals(Optional.empty(), answers.read(List.of("rustc", "--print", "target-list"), dir, Map.of()));
        assertEquals(Optional.empty(), answers.read(COMMAND, dir.resolve("other"), Map.of()));
        assertEquals(Optional.empty(), answers.read(COMMAND, dir, Map.of("RUSTUP_TOOLCHAIN", "nightly")));
    }

    @Test
    void aDamagedEntryIsAskedAgain() throws Exception {
        try (var files = Files.list(dir.resolve("cache"))) {
            for (Path file : files.toList()) {
                Files.writeString(file, "{\"inputs\": ");
            }
        }
        assertEquals(Optional.empty(), answers.read(COMMAND, dir, Map.of()));
    }

    @Test
    void toolchainFilesIncludeRustToolchainFilesUpTheTree() {
        List<Path> files = ToolAnswers.toolchainFiles(dir.resolve("ws/crate"));
        for (Path expected : List.of(dir.resolve("ws/crate/rust-toolchain.toml"), dir.resolve("ws/rust-toolchain"),
                dir.resolve("rust-toolchain.toml"), dir.resolve("ws/.cargo/config.toml"))) {
            assertTrue(files.contains(expected), expected + " in " + files);
        }
    }
}
