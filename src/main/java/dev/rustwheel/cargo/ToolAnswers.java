package dev.rustwheel.cargo;

import dev.rustwheel.json.Json;
import dev.rustwheel.json.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Answers of cargo and rustc kept in a directory between builds (starting them costs tenths of a second). An answer
 * is filed under its question: the command, the directory it runs in and the environment that steers cargo, rustc
 * and rustup ({@code CARGO*}, {@code RUSTC*}, {@code RUSTUP*}, {@code PATH}, and what the build sets for cargo). It
 * is reused while every file it depends on has the modification time it had when it was kept; those files are
 * recorded with it, so checking them needs no parsing of the answer.
 */
final class ToolAnswers {

    private final Path directory;
    private final String kind;

    /** @param kind the answers' file name prefix, such as {@code cargo-metadata} */
    ToolAnswers(Path directory, String kind) {
        this.directory = directory;
        this.kind = kind;
    }

    /** The kept answer to {@code command}, while none of the files it depends on changed. */
    Optional<String> read(List<String> command, Path workingDirectory, Map<String, String> environment) {
        Path file = file(command, workingDirectory, environment);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Map<String, String> inputs = Map.of();
            String answer = null;
            try (JsonReader kept = Json.read(Files.readAllBytes(file))) {
                kept.beginObject();
                for (String field; (field = kept.nextField()) != null; ) {
                    switch (field) {
                        case "inputs" -> inputs = kept.stringMap();
                        case "answer" -> answer = kept.string();
                        default -> throw kept.unknownField(field);
                    }
                }
            }
            List<Path> files = new ArrayList<>();
            for (String input : inputs.keySet()) {
                files.add(Path.of(input));
            }
            if (answer == null || inputs.isEmpty() || !new TreeMap<>(inputs).equals(modificationTimes(files))) {
                return Optional.empty();
            }
            return Optional.of(answer);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged entry is asked again
        }
    }

    /** Failing to keep an answer costs nothing but the next build's call. */
    void keep(List<String> command, Path workingDirectory, Map<String, String> environment, String answer,
              Collection<Path> inputs) {
        try {
            Map<String, String> times = modificationTimes(inputs);
            byte[] kept = Json.compact(json -> {
                json.writeStartObject();
                json.writeObjectFieldStart("inputs");
                for (Map.Entry<String, String> time : times.entrySet()) {
                    json.writeStringField(time.getKey(), time.getValue());
                }
                json.writeEndObject();
                json.writeStringField("answer", answer);
                json.writeEndObject();
            });
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "." + kind + "-", ".tmp");
            Files.write(temporary, kept);
            Files.move(temporary, file(command, workingDirectory, environment), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // asked again next time
        }
    }

    /**
     * The files that choose the toolchain and configure cargo for a crate: {@code .cargo/config(.toml)} and rustup's
     * {@code rust-toolchain(.toml)} in the crate's directory and every directory above it, cargo's home
     * configuration and rustup's settings (the default toolchain).
     */
    static List<Path> toolchainFiles(Path crateDirectory) {
        List<Path> files = new ArrayList<>();
        for (Path dir = crateDirectory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            files.add(dir.resolve(".cargo/config"));
            files.add(dir.resolve(".cargo/config.toml"));
            files.add(dir.resolve("rust-toolchain"));
            files.add(dir.resolve("rust-toolchain.toml"));
        }
        Path home = Path.of(System.getProperty("user.home"));
        Path cargoHome = directory("CARGO_HOME", home.resolve(".cargo"));
        files.add(cargoHome.resolve("config"));
        files.add(cargoHome.resolve("config.toml"));
        Path rustupHome = directory("RUSTUP_HOME", home.resolve(".rustup"));
        files.add(rustupHome.resolve("settings.toml"));
        return files;
    }

    /** The directory the variable names, else {@code otherwise}. */
    private static Path directory(String variable, Path otherwise) {
        String value = System.getenv(variable);
        return value == null ? otherwise : Path.of(value);
    }

    /** Each file with its modification time, or {@code absent}. */
    private static Map<String, String> modificationTimes(Collection<Path> files) throws IOException {
        Map<String, String> times = new TreeMap<>();
        for (Path file : files) {
            times.put(file.toString(), Files.exists(file) ? Files.getLastModifiedTime(file).toInstant().toString()
                    : "absent");
        }
        return times;
    }

    /** The question's file: the command, the directory, and the variables that steer cargo, rustc and rustup. */
    private Path file(List<String> command, Path workingDirectory, Map<String, String> environment) {
        StringBuilder identity = new StringBuilder(String.join("\u0000", command))
                .append('\n').append(workingDirectory.toAbsolutePath());
        Map<String, String> variables = new TreeMap<>();
        // loops rather than lambdas: compile reads an answer on every build, and a lambda costs it a class
        for (Map.Entry<String, String> variable : System.getenv().entrySet()) {
            String name = variable.getKey();
            // PATH: which cargo or rustc a bare name starts
            if (name.startsWith("CARGO") || name.startsWith("RUSTUP") || name.startsWith("RUSTC")
                    || name.equals("PATH")) {
                variables.put(name, variable.getValue());
            }
        }
        variables.putAll(environment);
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            identity.append('\n').append(variable.getKey()).append('=').append(variable.getValue());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return directory.resolve(kind + "-" + HexFormat.of().formatHex(digest).substring(0, 32) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
