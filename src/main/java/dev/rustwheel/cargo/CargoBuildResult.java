package dev.rustwheel.cargo;

import java.nio.file.Path;
import java.util.List;

/**
 * What a successful {@code cargo build} produced for the root package.
 *
 * @param packageName the root package's name
 * @param version     its version, as written in Cargo.toml (SemVer)
 * @param artifacts   its cdylib and bin files
 * @param linkedPaths the library directories build scripts asked to link from, in order, without duplicates
 */
public record CargoBuildResult(String packageName, String version, List<CargoArtifact> artifacts, List<Path> linkedPaths) {

    public CargoBuildResult {
        artifacts = List.copyOf(artifacts);
        linkedPaths = List.copyOf(linkedPaths);
    }
}
