package dev.rustwheel.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code /bin/sh} as the external program. */
@DisabledOnOs(OS.WINDOWS)
class ProcessRunnerTest {

    @TempDir
    Path tempDir;

    private final List<String> commands = new ArrayList<>();
    private final ProcessRunner runner = new ProcessRunner(commands::add);
    private final List<String> out = Collections.synchronizedList(new ArrayList<>());
    private final List<String> err = Collections.synchronizedList(new ArrayList<>());

    private ProcessSpec sh(String script) {
        return ProcessSpec.of(tempDir, "sh", "-c", script);
    }

    private ProcessSpec sh(String script, Map<String, String> environment) {
        return new ProcessSpec(List.of("sh", "-c", script), tempDir, environment);
    }

    @Test
    void returnsTheExitCode() throws Exception {
        assertEquals(0, runner.run(sh("true"), out::add, err::add));
        assertEquals(3, runner.run(sh("exit 3"), out::add, err::add));
    }

    @Test
    void deliversBothStreamsLineByLine() throws Exception {
        runner.run(sh("echo one; echo two >&2; echo three; echo four >&2; printf 'no newline at the end'"),
                out::add, err::add);

        assertEquals(List.of("one", "three", "no newline at the end"), out);
        assertEquals(List.of("two", "four"), err);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard, not a speed check
    void aFailingConsumerStillLetsTheChildFinishAndItsFailureIsRethrown() {
        // 1 MiB on stdout: far more than a pipe buffer, so the child blocks for good if nobody drains the pipe
        ProcessSpec chatty = sh("head -c 1048576 /dev/zero | tr '\\0' 'x' | fold -w 100; echo done >&2");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(chatty, line -> {
            throw new IllegalStateException("consumer broke");
        }, err::add));

        assertEquals("consumer broke", e.getMessage());
        assertEquals(List.of("done"), err);
    }

    @Test
    void readsOutputAsUtf8() throws Exception {
        runner.run(sh("printf '\\303\\274ber \\342\\234\\223\\n'"), out::add, err::add);

        assertEquals(List.of("über ✓"), out);
    }

    @Test
    void setsVariablesOnTopOfTheInheritedEnvironmentAndNullAsEmpty() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("RW_SET", "some value");
        environment.put("RW_EMPTY", null);

        runner.run(sh("echo \"[${RW_SET-unset}] [${RW_EMPTY-unset}] [${RW_NEVER-unset}]\"; echo \"$PATH\"",
                environment), out::add, err::add);

        assertEquals("[some value] [] [unset]", out.get(0));
        assertEquals(System.getenv("PATH"), out.get(1), "the inherited environment is kept");
    }

    @Test
    void runsInTheWorkingDirectory() throws Exception {
        runner.run(sh("pwd -P"), out::add, err::add);

        assertEquals(List.of(tempDir.toRealPath().toString()), out);
    }

    @Test
    void logsTheCommandAsDescribed() throws Exception {
        ProcessSpec spec = sh("echo 'hi there'", Map.of("RW_X", "1"));

        runner.run(spec, out::add, err::add);

        assertEquals(List.of(spec.describe()), commands);
    }

    @Test
    void theChildSeesNoInput() throws Exception {
        // stdin is closed at once: a program that reads it gets end-of-file instead of waiting forever
        runner.run(sh("cat; echo done"), out::add, err::add);

        assertEquals(List.of("done"), out);
    }

    @Test
    void aMissingProgramListsTheDirectoriesSearched() {
        ToolNotFoundException e = assertThrows(ToolNotFoundException.class,
                () -> runner.run(ProcessSpec.of(tempDir, "rustwheel-no-such-program"), out::add, err::add));

        assertEquals("rustwheel-no-such-program", e.program());
        assertEquals(jvmPath(), e.searched());
        assertTrue(e.getMessage().contains("rustwheel-no-such-program"), e.getMessage());
    }

    @Test
    void aMissingProgramGivenAsAPathWasNotSearchedFor() {
        Path program = tempDir.resolve("bin/cargo");

        ToolNotFoundException e = assertThrows(ToolNotFoundException.class,
                () -> runner.run(ProcessSpec.of(tempDir, program.toString()), out::add, err::add));

        assertEquals(program.toString(), e.program());
        assertEquals(List.of(), e.searched(), "a path is run as it is, not looked up on PATH");
    }

    @Test
    void theDirectoriesSearchedAreTheJvmsPathNotTheChilds() throws Exception {
        // the JVM looks a program up on its own PATH; a PATH set for the child does not change where it looks
        Path elsewhere = Files.createDirectories(tempDir.resolve("elsewhere"));
        Path program = elsewhere.resolve("rustwheel-probe");
        Files.writeString(program, "#!/bin/sh\necho found\n");
        program.toFile().setExecutable(true);
        ProcessSpec spec = new ProcessSpec(List.of("rustwheel-probe"), tempDir,
                Map.of("PATH", elsewhere + File.pathSeparator + System.getenv("PATH")));

        ToolNotFoundException e = assertThrows(ToolNotFoundException.class, () -> runner.run(spec, out::add, err::add));

        assertFalse(e.searched().contains(elsewhere), "reported as searched, but it was not: " + e.searched());
        assertEquals(jvmPath(), e.searched());
    }

    @Test
    void captureReturnsStdout() throws Exception {
        String captured = runner.capture(sh("echo a; echo warning >&2; echo b"), err::add);

        assertEquals("a\nb\n", captured);
        assertEquals(List.of("warning"), err, "stderr is still passed on");
    }

    @Test
    void captureFailsOnANonZeroExitWithStderr() {
        ProcessSpec spec = sh("echo partial; echo 'first problem' >&2; echo 'second problem' >&2; exit 42");

        ProcessFailedException e = assertThrows(ProcessFailedException.class, () -> runner.capture(spec, err::add));

        assertEquals(42, e.exitCode());
        assertEquals(List.of("first problem", "second problem"), e.stderr());
        assertTrue(e.getMessage().contains("exited with code 42"), e.getMessage());
        assertTrue(e.getMessage().contains("first problem\nsecond problem"), e.getMessage());
        assertTrue(e.getMessage().contains(spec.describe()), e.getMessage());
    }

    /** The existing directories on this JVM's PATH, in order. */
    private static List<Path> jvmPath() {
        return Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty() && Files.isDirectory(Path.of(dir))).map(Path::of).toList();
    }
}
