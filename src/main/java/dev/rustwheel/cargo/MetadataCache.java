package dev.rustwheel.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps what rustwheel takes from {@code cargo metadata} between builds (starting cargo for it costs about half a
 * second; reading its whole answer again, a hundred kilobytes for a crate with a handful of dependencies, costs a
 * warm build more than the rest of the answer's use). A workspace is reused for the same command, crate directory
 * and environment while every file the answer depends on has the modification time it had: each package's
 * {@code Cargo.toml} (their paths are in the answer), the workspace's {@code Cargo.toml} and {@code Cargo.lock}, and
 * the files that configure cargo or choose the toolchain ({@link ToolAnswers#toolchainFiles}: a
 * {@code .cargo/config.toml} may move the target directory, a {@code rust-toolchain.toml} may pick another cargo).
 */
final class MetadataCache {

    private final ToolAnswers answers;

    MetadataCache(Path directory) {
        this.answers = new ToolAnswers(directory, "cargo-workspace");
    }

    /** The kept workspace; empty when there is none for this request, or it is damaged. */
    Optional<CargoWorkspace> read(CargoBuildRequest request) {
        Optional<String> kept = answers.read(request.metadataCommand(), request.crateDirectory(),
                request.environment());
        try {
            return kept.isPresent() ? Optional.of(WorkspaceJson.read(kept.get())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // cargo is asked again
        }
    }

    /** @param metadata {@code cargo metadata}'s answer that {@code workspace} was taken from */
    void keep(CargoBuildRequest request, JsonNode metadata, CargoWorkspace workspace) {
        List<Path> files = new ArrayList<>();
        metadata.path("packages").forEach(p -> files.add(Path.of(p.path("manifest_path").asText())));
        Path root = Path.of(metadata.path("workspace_root").asText());
        files.add(root.resolve("Cargo.toml"));
        files.add(root.resolve("Cargo.lock"));
        files.addAll(ToolAnswers.toolchainFiles(request.crateDirectory()));
        try {
            answers.keep(request.metadataCommand(), request.crateDirectory(), request.environment(),
                    WorkspaceJson.write(workspace), files);
        } catch (IOException e) {
            // asked again next time
        }
    }
}
