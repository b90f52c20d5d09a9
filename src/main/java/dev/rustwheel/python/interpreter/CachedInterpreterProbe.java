package dev.rustwheel.python.interpreter;

import dev.rustwheel.json.Json;
import dev.rustwheel.json.JsonReader;
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
import java.util.Map;
import java.util.Optional;

/**
 * Probes an interpreter once and keeps its answer in a directory, so that warm builds do not start Python (about
 * a tenth of a second each time, several through a pyenv shim). An answer is reused while the interpreter is the
 * same file: the same resolved path (symbolic links followed), size and modification time, checked again on
 * every use for the interpreter the answer names ({@code sys.executable}). A pyenv shim stays the same file while
 * the interpreter it starts changes, so its answers are also keyed by everything pyenv selects the interpreter
 * from ({@link PyenvShim#selection}); any other script is probed every time, since what it starts is unknown.
 */
public final class CachedInterpreterProbe {

    private final InterpreterProbe probe;
    private final Path directory;
    private final Map<String, String> environment;

    public CachedInterpreterProbe(InterpreterProbe probe, Path directory) {
        this(probe, directory, System.getenv());
    }

    /** @param environment the variables the interpreter starts with, which a pyenv shim selects by */
    CachedInterpreterProbe(InterpreterProbe probe, Path directory, Map<String, String> environment) {
        this.probe = probe;
        this.directory = directory;
        this.environment = environment;
    }

    public PythonInterpreter probe(String executable, Path workingDirectory) throws InterpreterProbeException {
        Optional<String> key = key(executable, workingDirectory);
        Optional<Path> cached = key.isPresent() ? Optional.of(directory.resolve("python-" + key.get() + ".json"))
                : Optional.empty();
        Optional<String> kept = cached.isPresent() ? read(cached.get()) : Optional.empty();
        if (kept.isPresent()) {
            try {
                return ProbeScript.parse(executable, kept.get());
            } catch (InterpreterProbeException e) {
                // a stale answer is asked again below
            }
        }
        String answer = probe.answer(executable, workingDirectory);
        PythonInterpreter interpreter = ProbeScript.parse(executable, answer);
        if (cached.isPresent()) {
            keep(cached.get(), answer, interpreter.executable());
        }
        return interpreter;
    }

    /** The kept answer, while the interpreter it names is still the file it was; empty for anything else. */
    private static Optional<String> read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String interpreter = null;
            String identity = null;
            String answer = null;
            try (JsonReader kept = Json.read(Files.readAllBytes(file))) {
                kept.beginObject();
                for (String field; (field = kept.nextField()) != null; ) {
                    switch (field) {
                        case "interpreter" -> interpreter = kept.string();
                        case "identity" -> identity = kept.string();
                        case "answer" -> answer = kept.string();
                        default -> throw kept.unknownField(field);
                    }
                }
            }
            if (interpreter == null || identity == null || answer == null) {
                return Optional.empty();
            }
            Optional<String> now = identity(Path.of(interpreter));
            return now.isPresent() && now.get().equals(identity) ? Optional.of(answer) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable or damaged answer is asked again
        }
    }

    /** Written through a temporary file, so a reader never sees half an answer; failing to cache costs nothing. */
    private static void keep(Path file, String answer, String interpreter) {
        try {
            Optional<String> identity = identity(Path.of(interpreter));
            if (identity.isEmpty()) {
                return; // an interpreter that names no file it can be recognised by again
            }
            byte[] kept = Json.compact(json -> {
                json.writeStartObject();
                json.writeStringField("interpreter", interpreter);
                json.writeStringField("identity", identity.get());
                json.writeStringField("answer", answer);
                json.writeEndObject();
            });
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".python-", ".tmp");
            Files.write(temporary, kept);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // the next build probes again
        }
    }

    /** The resolved path, size and modification time of {@code file}; empty where it is not a file. */
    private static Optional<String> identity(Path file) throws IOException {
        if (!file.isAbsolute() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Path real = file.toRealPath();
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
        return Optional.of(real + "\n" + attributes.size() + "\n" + attributes.lastModifiedTime());
    }

    private static boolean isScript(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(2);
            return start.length == 2 && start[0] == '#' && start[1] == '!';
        }
    }

    /** Empty when the answer cannot be kept: the executable is not found, or is a script other than a pyenv shim. */
    private Optional<String> key(String executable, Path workingDirectory) {
        Optional<Path> located = ProcessRunner.locate(executable);
        if (located.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path real = located.get().toRealPath();
            Optional<String> file = identity(real);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            String identity = executable + "\n" + file.get();
            if (isScript(real)) {
                Optional<PyenvShim> shim = PyenvShim.of(real);
                if (shim.isEmpty()) {
                    return Optional.empty();
                }
                identity += "\n" + shim.get().selection(workingDirectory, environment);
            }
            return Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8))).substring(0, 32));
        } catch (IOException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
