package dev.rustwheel.python.interpreter;

import dev.rustwheel.process.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Probes an interpreter once and keeps its answer in a directory, so that warm builds do not start Python (about
 * a tenth of a second each time). An answer is reused while the interpreter is the same file: the same resolved
 * path (symbolic links followed), size and modification time. Scripts are probed every time: a wrapper such as
 * pyenv's shim stays the same file while the interpreter it starts changes (a {@code .python-version} file, an
 * environment variable).
 */
public final class CachedInterpreterProbe {

    private final InterpreterProbe probe;
    private final Path directory;

    public CachedInterpreterProbe(InterpreterProbe probe, Path directory) {
        this.probe = probe;
        this.directory = directory;
    }

    public PythonInterpreter probe(String executable, Path workingDirectory) throws InterpreterProbeException {
        Optional<Path> cached = key(executable).map(k -> directory.resolve("python-" + k + ".txt"));
        if (cached.isPresent() && Files.isRegularFile(cached.get())) {
            try {
                return ProbeScript.parse(executable, Files.readString(cached.get(), StandardCharsets.UTF_8));
            } catch (IOException | InterpreterProbeException e) {
                // an unreadable or stale answer is asked again below
            }
        }
        String answer = probe.answer(executable, workingDirectory);
        PythonInterpreter interpreter = ProbeScript.parse(executable, answer);
        cached.ifPresent(file -> keep(file, answer));
        return interpreter;
    }

    /** Written through a temporary file, so a reader never sees half an answer; failing to cache costs nothing. */
    private static void keep(Path file, String answer) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".python-", ".tmp");
            Files.writeString(temporary, answer, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the next build probes again
        }
    }

    private static boolean isScript(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(2);
            return start.length == 2 && start[0] == '#' && start[1] == '!';
        }
    }

    /** Empty when the executable cannot be resolved to a file: then the probe runs and reports why. */
    private static Optional<String> key(String executable) {
        Optional<Path> located = ProcessRunner.locate(executable);
        if (located.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path real = located.get().toRealPath();
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            if (isScript(real)) {
                return Optional.empty();
            }
            String identity = executable + "\n" + real + "\n" + attributes.size() + "\n"
                    + attributes.lastModifiedTime().toInstant();
            return Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8))).substring(0, 32));
        } catch (IOException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
