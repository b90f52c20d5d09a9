package dev.rustwheel.python.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.process.ToolNotFoundException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterpreterProbeTest {

    private final InterpreterProbe probe = new InterpreterProbe(new ProcessRunner(command -> { }));

    @TempDir
    Path workingDirectory;

    @Test
    void describesThePython3OnPath() throws Exception {
        Assumptions.assumeTrue(onPath("python3"), "python3 is not on PATH");
        // a json.py next to the probe must not shadow the standard library's
        Files.writeString(workingDirectory.resolve("json.py"), "raise SystemExit('shadowed')\n");
        PythonInterpreter interpreter = probe.probe("python3", workingDirectory);
        assertEquals("cpython", interpreter.implementation());
        assertEquals(3, interpreter.major());
        assertTrue(interpreter.pythonTag().startsWith("cp3"), interpreter.pythonTag());
        assertTrue(interpreter.extSuffix().endsWith(".so") || interpreter.extSuffix().endsWith(".pyd"),
                interpreter.extSuffix());
        assertTrue(Path.of(interpreter.executable()).isAbsolute(), interpreter.executable());
        assertFalse(interpreter.platformTag().contains("-"), interpreter.platformTag());
    }

    @Test
    void namesTheExecutableAndThePathItWasLookedUpOn() {
        InterpreterProbeException e = assertThrows(InterpreterProbeException.class,
                () -> probe.probe("python-that-does-not-exist-7c1e", workingDirectory));
        assertTrue(e.getMessage().startsWith("cannot start Python interpreter 'python-that-does-not-exist-7c1e':"
                + " it was looked up on PATH and not found there"), e.getMessage());
        ToolNotFoundException cause = (ToolNotFoundException) e.getCause();
        for (Path dir : cause.searched()) {
            assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        }
    }

    @Test
    void saysAPathThatDoesNotExistIsMissing() {
        String missing = workingDirectory.resolve("bin/python3").toString();
        InterpreterProbeException e =
                assertThrows(InterpreterProbeException.class, () -> probe.probe(missing, workingDirectory));
        assertTrue(e.getMessage().startsWith("cannot start Python interpreter '" + missing
                + "': the file does not exist or is not executable"), e.getMessage());
    }

    @Test
    void reportsAnInterpreterThatExitsNonZero() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/false")), "/bin/false is missing");
        InterpreterProbeException e =
                assertThrows(InterpreterProbeException.class, () -> probe.probe("/bin/false", workingDirectory));
        assertTrue(e.getMessage().startsWith("Python interpreter '/bin/false' failed"), e.getMessage());
        assertTrue(e.getMessage().contains("exited with code 1"), e.getMessage());
    }

    @Test
    void includesWhatTheFailingInterpreterPrintedOnStderr() throws Exception {
        Path fake = workingDirectory.resolve("fake-python");
        Files.writeString(fake, "#!/bin/sh\necho 'fatal: no encodings module' >&2\nexit 3\n");
        Assumptions.assumeTrue(fake.toFile().setExecutable(true) && Files.isExecutable(Path.of("/bin/sh")));
        InterpreterProbeException e =
                assertThrows(InterpreterProbeException.class, () -> probe.probe(fake.toString(), workingDirectory));
        assertTrue(e.getMessage().contains("exited with code 3"), e.getMessage());
        assertTrue(e.getMessage().contains("fatal: no encodings module"), e.getMessage());
    }

    @Test
    void reportsAnInterpreterThatPrintsSomethingElse() throws Exception {
        Path fake = workingDirectory.resolve("fake-python");
        Files.writeString(fake, "#!/bin/sh\necho 'Python 2.7.18'\n");
        Assumptions.assumeTrue(fake.toFile().setExecutable(true) && Files.isExecutable(Path.of("/bin/sh")));
        InterpreterProbeException e =
                assertThrows(InterpreterProbeException.class, () -> probe.probe(fake.toString(), workingDirectory));
        assertTrue(e.getMessage().contains("did not describe itself as a Python interpreter would"), e.getMessage());
        assertTrue(e.getMessage().contains("Python 2.7.18"), e.getMessage());
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
