package dev.rustwheel.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the output of {@code cargo metadata} between builds (starting cargo for it costs about half a second). An
 * answer is reused for the same command, crate directory and environment while every file it depends on has the
 * modification time it had: each package's {@code Cargo.toml} (their paths are in the answer), the workspace's
 * {@code Cargo.toml} and {@code Cargo.lock}, and the files that configure cargo or choose the toolchain
 * ({@link ToolAnswers#toolchainFiles}: a {@code .cargo/config.toml} may move the target directory, a
 * {@code rust-toolchain.toml} may pick another cargo).
 */
final class MetadataCache {

    private final ToolAnswers answers;

    MetadataCache(Path directory) {
        this.answers = new ToolAnswers(directory, "cargo-metadata");
    }

    Optional<String> read(CargoBuildRequest request) {
        return answers.read(request.metadataCommand(), request.crateDirectory(), request.environment());
    }

    /** @param parsed {@code metadata}, parsed */
    void keep(CargoBuildRequest request, String metadata, JsonNode parsed) {
        List<Path> files = new ArrayList<>();
        parsed.path("packages").forEach(p -> files.add(Path.of(p.path("manifest_path").asText())));
        Path workspace = Path.of(parsed.path("workspace_root").asText());
        files.add(workspace.resolve("Cargo.toml"));
        files.add(workspace.resolve("Cargo.lock"));
        files.addAll(ToolAnswers.toolchainFiles(request.crateDirectory()));
        answers.keep(request.metadataCommand(), request.crateDirectory(), request.environment(), metadata, files);
    }
}
