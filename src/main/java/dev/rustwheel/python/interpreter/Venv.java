package dev.rustwheel.python.interpreter;

import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.process.ProcessSpec;
import dev.rustwheel.process.ToolNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A Python virtual environment (PEP 405), created by the interpreter's own {@code venv} module and used only through
 * its own interpreter, so nothing installed into it leaks into the system or the build's environment.
 */
public final class Venv {

    private final Path directory;
    private final ProcessRunner runner;
    private final Consumer<String> output;

    private Venv(Path directory, ProcessRunner runner, Consumer<String> output) {
        this.directory = directory;
        this.runner = runner;
        this.output = output;
    }

    /** The environment at {@code directory}, as it is; see {@link #exists()}. */
    public static Venv at(Path directory, ProcessRunner runner, Consumer<String> output) {
        return new Venv(directory.toAbsolutePath(), runner, output);
    }

    /**
     * Creates the environment with {@code interpreter}; {@code fresh} first empties whatever is there.
     *
     * @throws VenvException when the interpreter cannot be started or its venv module fails (Debian's python3
     *         without {@code python3-venv}, say)
     */
    public static Venv create(String interpreter, Path directory, boolean systemSitePackages, boolean fresh,
                              ProcessRunner runner, Consumer<String> output) throws VenvException {
        Venv venv = at(directory, runner, output);
        List<String> command = new ArrayList<>(List.of(interpreter, "-m", "venv"));
        if (systemSitePackages) {
            command.add("--system-site-packages");
        }
        if (fresh) {
            command.add("--clear");
        }
        command.add(venv.directory.toString());
        List<String> errors = new ArrayList<>();
        try {
            Files.createDirectories(venv.directory.getParent());
            int exit = runner.run(new ProcessSpec(command, venv.directory.getParent(), Map.of()), output, line -> {
                errors.add(line);
                output.accept(line);
            });
            if (exit != 0 || !venv.exists()) {
                throw new VenvException("'" + interpreter + " -m venv' could not create " + venv.directory
                        + " (exit code " + exit + (errors.isEmpty() ? "" : ": " + String.join(" ", errors)) + ")");
            }
        } catch (ToolNotFoundException e) {
            throw new VenvException("cannot start Python interpreter '" + interpreter + "' to create " + venv.directory
                    + ": " + e.getMessage());
        } catch (IOException e) {
            throw new VenvException("cannot create " + venv.directory + ": " + e.getMessage());
        }
        return venv;
    }

    public Path directory() {
        return directory;
    }

    /** Whether a venv is there: its {@code pyvenv.cfg} and its interpreter. */
    public boolean exists() {
        return Files.isRegularFile(directory.resolve("pyvenv.cfg")) && Files.isExecutable(python());
    }

    /** The environment's own interpreter. */
    public Path python() {
        return isWindows() ? directory.resolve("Scripts").resolve("python.exe") : directory.resolve("bin").resolve("python");
    }

    /** {@code python -m pip <arguments>}, its output passed on; fails on a non-zero exit. */
    public void pip(List<String> arguments, Path workingDirectory) throws VenvException {
        List<String> command = new ArrayList<>(List.of(python().toString(), "-m", "pip"));
        command.addAll(arguments);
        int exit = run(command, workingDirectory, Map.of());
        if (exit != 0) {
            throw new VenvException("pip failed (exit code " + exit + "): " + String.join(" ", command));
        }
    }

    /** Whether the environment's interpreter can import {@code module}. */
    public boolean canImport(String module, Path workingDirectory) throws VenvException {
        return run(List.of(python().toString(), "-c", "import " + module), workingDirectory, Map.of()) == 0;
    }

    /**
     * The wheel tags this environment's pip installs, best first, as pip itself computes them (its vendored
     * {@code packaging}), so that the wheel chosen for it is the one pip would choose.
     */
    public List<String> supportedTags(Path workingDirectory) throws VenvException {
        List<String> tags = new ArrayList<>();
        List<String> command = List.of(python().toString(), "-c",
                "from pip._vendor.packaging.tags import sys_tags\nfor t in sys_tags(): print(t)");
        int exit = run(command, workingDirectory, Map.of(), tags::add);
        if (exit != 0) {
            throw new VenvException("cannot read the wheel tags pip supports in " + directory + " (exit code " + exit
                    + ")");
        }
        return tags.stream().map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }

    /** Runs the environment's interpreter with {@code arguments}; returns its exit code. */
    public int runPython(List<String> arguments, Path workingDirectory, Map<String, String> environment)
            throws VenvException {
        List<String> command = new ArrayList<>();
        command.add(python().toString());
        command.addAll(arguments);
        return run(command, workingDirectory, environment);
    }

    private int run(List<String> command, Path workingDirectory, Map<String, String> environment)
            throws VenvException {
        return run(command, workingDirectory, environment, output);
    }

    private int run(List<String> command, Path workingDirectory, Map<String, String> environment,
                    Consumer<String> stdout) throws VenvException {
        try {
            return runner.run(new ProcessSpec(command, workingDirectory, environment), stdout, output);
        } catch (ToolNotFoundException e) {
            throw new VenvException("the virtual environment " + directory + " is broken: " + e.getMessage());
        } catch (IOException e) {
            throw new VenvException("running " + command.get(0) + " failed: " + e.getMessage());
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
