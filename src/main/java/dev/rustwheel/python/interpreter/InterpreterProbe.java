package dev.rustwheel.python.interpreter;

import dev.rustwheel.process.ProcessFailedException;
import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.process.ProcessSpec;
import dev.rustwheel.process.ToolNotFoundException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Asks a Python interpreter, in one run, everything a wheel build needs to know about it. */
public final class InterpreterProbe {

    private final ProcessRunner runner;

    public InterpreterProbe(ProcessRunner runner) {
        this.runner = runner;
    }

    /**
     * Runs {@code executable} once, in isolated mode ({@code -I}) so that Python files in
     * {@code workingDirectory} cannot shadow the standard library modules the probe imports.
     *
     * @param executable a program name looked up on PATH, such as {@code python3.11}, or a path to one
     * @throws InterpreterProbeException when the interpreter cannot be started, fails, answers with something
     *         other than the expected description, or is not CPython
     */
    public PythonInterpreter probe(String executable, Path workingDirectory) throws InterpreterProbeException {
        return ProbeScript.parse(executable, answer(executable, workingDirectory));
    }

    /** The probe script's output, unparsed: what {@link CachedInterpreterProbe} keeps. */
    String answer(String executable, Path workingDirectory) throws InterpreterProbeException {
        ProcessSpec spec = ProcessSpec.of(workingDirectory, executable, "-I", "-c", ProbeScript.SOURCE);
        String output;
        try {
            // stderr is kept by ProcessFailedException when it matters; on success it is only noise
            output = runner.capture(spec, line -> { });
        } catch (ToolNotFoundException e) {
            throw new InterpreterProbeException(cannotStart(executable, e), e);
        } catch (ProcessFailedException e) {
            throw new InterpreterProbeException("Python interpreter '" + executable + "' failed when asked for its"
                    + " version and platform: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InterpreterProbeException("could not read the answer of Python interpreter '" + executable
                    + "': " + e.getMessage(), e);
        }
        return output;
    }

    private static String cannotStart(String executable, ToolNotFoundException e) {
        if (executable.contains("/") || executable.contains(File.separator)) {
            return "cannot start Python interpreter '" + executable + "': the file does not exist or is not"
                    + " executable (" + e.getCause().getMessage() + ")";
        }
        String searched = e.searched().isEmpty()
                ? "PATH names no existing directory"
                : "searched " + e.searched().stream().map(Path::toString).collect(Collectors.joining(", "));
        return "cannot start Python interpreter '" + executable + "': it was looked up on PATH and not found there ("
                + searched + "); install it, add its directory to PATH, or name an interpreter by its full path";
    }
}
