package dev.rustwheel.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one way rustwheel runs an external program: the command is logged, both output streams are pumped
 * line by line on their own threads (so neither pipe can fill up and stall the child), and the child is
 * destroyed if the JVM shuts down while it runs.
 */
public final class ProcessRunner {

    /** A command log that logs nothing, for runners whose commands are not worth a line. */
    public static final Consumer<String> UNLOGGED = new Consumer<>() {
        @Override
        public void accept(String command) {
        }
    };

    private final Consumer<String> commandLog;

    /** @param commandLog receives the command line of every program started, quoted as a shell would need it */
    public ProcessRunner(Consumer<String> commandLog) {
        this.commandLog = commandLog;
    }

    /**
     * Runs {@code command} to completion.
     *
     * @return the exit code
     * @throws ToolNotFoundException when the program cannot be started at all (not on PATH, not executable)
     */
    public int run(ProcessSpec spec, Consumer<String> stdout, Consumer<String> stderr)
            throws ToolNotFoundException, IOException {
        ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(spec.workingDirectory().toFile());
        Map<String, String> environment = builder.environment();
        // loops and named classes rather than lambdas on this path: each lambda costs a warm build its own class
        for (Map.Entry<String, String> variable : spec.environment().entrySet()) {
            environment.put(variable.getKey(), variable.getValue() == null ? "" : variable.getValue());
        }
        commandLog.accept(spec.describe());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ToolNotFoundException(spec.command().get(0), searchPath(spec.command().get(0)), e);
        }
        Thread destroyer = new Destroyer(process);
        Runtime.getRuntime().addShutdownHook(destroyer);
        try {
            process.getOutputStream().close();
            StreamPump outPump = StreamPump.start(process.getInputStream(), stdout, "stdout");
            StreamPump errPump = StreamPump.start(process.getErrorStream(), stderr, "stderr");
            int exitCode = process.waitFor();
            outPump.join();
            errPump.join();
            outPump.rethrowFailure();
            errPump.rethrowFailure();
            return exitCode;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + spec.command().get(0), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(destroyer);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running and will destroy the child
            }
        }
    }

    /** Runs {@code spec} and returns everything it printed on stdout, failing on a non-zero exit. */
    public String capture(ProcessSpec spec, Consumer<String> stderr) throws ToolNotFoundException, IOException {
        StringBuilder out = new StringBuilder();
        List<String> errors = new ArrayList<>();
        int exitCode = run(spec, line -> out.append(line).append('\n'), line -> {
            errors.add(line);
            stderr.accept(line);
        });
        if (exitCode != 0) {
            throw new ProcessFailedException(spec.describe(), exitCode, errors);
        }
        return out.toString();
    }

    /**
     * The file the JVM would start for {@code program}: a path made absolute, or a name found on the JVM's PATH;
     * empty when no executable file of that name is there.
     */
    public static Optional<Path> locate(String program) {
        if (program.contains("/") || program.contains(File.separator)) {
            return Optional.of(Path.of(program).toAbsolutePath());
        }
        for (Path dir : searchPath(program)) {
            Path file = dir.resolve(program);
            if (Files.isExecutable(file) && Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** Destroys the child if the JVM shuts down while it runs. */
    private static final class Destroyer extends Thread {

        private final Process process;

        Destroyer(Process process) {
            super("rustwheel-destroy-" + process.pid());
            this.process = process;
        }

        @Override
        public void run() {
            process.destroyForcibly();
        }
    }

    /**
     * Where the JVM looked {@code program} up: nowhere for a path, else the JVM's own PATH (a PATH set for the
     * child does not change where the JVM looks).
     */
    private static List<Path> searchPath(String program) {
        if (program.contains("/") || program.contains(File.separator)) {
            return List.of();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return List.of();
        }
        List<Path> dirs = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isDirectory(Path.of(entry))) {
                dirs.add(Path.of(entry));
            }
        }
        return dirs;
    }
}
