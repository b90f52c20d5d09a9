package dev.rustwheel.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keeps the output of {@code cargo metadata --no-deps} between builds (starting cargo for it costs about half a
 * second). An answer is reused for the same command, crate directory and {@code CARGO_*} environment while every
 * file it depends on has the modification time it had: each workspace member's {@code Cargo.toml} (their paths
 * are in the answer), the workspace's {@code Cargo.toml} and {@code Cargo.lock}, and the {@code .cargo/config}
 * files that cargo reads (they may move the target directory).
 */
final class MetadataCache {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path directory;

    MetadataCache(Path directory) {
        this.directory = directory;
    }

    Optional<String> read(CargoBuildRequest request) {
        Path file = file(request);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            JsonNode kept = MAPPER.readTree(file.toFile());
            String metadata = kept.path("metadata").asText();
            Map<String, String> inputs = new TreeMap<>();
            kept.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().asText()));
            return !inputs.isEmpty() && inputs.equals(inputs(request, metadata)) ? Optional.of(metadata)
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged entry is asked again
        }
    }

    /** Failing to keep an answer costs nothing but the next build's cargo call. */
    void keep(CargoBuildRequest request, String metadata) {
        try {
            ObjectNode kept = MAPPER.createObjectNode();
            ObjectNode inputs = kept.putObject("inputs");
            inputs(request, metadata).forEach(inputs::put);
            kept.put("metadata", metadata);
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".cargo-metadata-", ".tmp");
            Files.write(temporary, MAPPER.writeValueAsBytes(kept));
            Files.move(temporary, file(request), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // asked again next time
        }
    }

    /** Each file the answer depends on, with its modification time or {@code absent}. */
    private static Map<String, String> inputs(CargoBuildRequest request, String metadata) throws IOException {
        JsonNode json = MAPPER.readTree(metadata);
        List<Path> files = new ArrayList<>();
        json.path("packages").forEach(p -> files.add(Path.of(p.path("manifest_path").asText())));
        Path workspace = Path.of(json.path("workspace_root").asText());
        files.add(workspace.resolve("Cargo.toml"));
        files.add(workspace.resolve("Cargo.lock"));
        for (Path dir = request.crateDirectory().toAbsolutePath(); dir != null; dir = dir.getParent()) {
            files.add(dir.resolve(".cargo/config"));
            files.add(dir.resolve(".cargo/config.toml"));
        }
        String cargoHome = System.getenv("CARGO_HOME");
        Path home = cargoHome != null ? Path.of(cargoHome) : Path.of(System.getProperty("user.home"), ".cargo");
        files.add(home.resolve("config"));
        files.add(home.resolve("config.toml"));
        Map<String, String> inputs = new TreeMap<>();
        for (Path file : files) {
            inputs.put(file.toString(), Files.exists(file) ? Files.getLastModifiedTime(file).toInstant().toString()
                    : "absent");
        }
        return inputs;
    }

    private Path file(CargoBuildRequest request) {
        StringBuilder identity = new StringBuilder(String.join("\u0000", request.metadataCommand()))
                .append('\n').append(request.crateDirectory().toAbsolutePath());
        Map<String, String> environment = new TreeMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("CARGO")) {
                environment.put(name, value);
            }
        });
        environment.putAll(request.environment());
        environment.forEach((name, value) -> identity.append('\n').append(name).append('=').append(value));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return directory.resolve("cargo-metadata-" + HexFormat.of().formatHex(digest).substring(0, 32) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
