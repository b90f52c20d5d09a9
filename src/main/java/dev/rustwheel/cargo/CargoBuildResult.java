package dev.rustwheel.cargo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a successful {@code cargo build} produced for the root package.
 *
 * @param rootPackage  the root package, with the metadata fields cargo resolved for it
 * @param artifacts    its cdylib and bin files
 * @param linkedPaths  the library directories build scripts asked to link from, in order, without duplicates
 * @param bindingCrates the Python binding crates in the build ({@code pyo3}, {@code pyo3-ffi}, {@code uniffi}),
 *                     each with the features cargo resolved for it
 * @param outDirectory the root package's build script's {@code OUT_DIR}, or null without a build script
 */
public record CargoBuildResult(CargoPackage rootPackage, List<CargoArtifact> artifacts, List<Path> linkedPaths,
                               Map<String, List<String>> bindingCrates, Path outDirectory) {

    public CargoBuildResult {
        artifacts = List.copyOf(artifacts);
        linkedPaths = List.copyOf(linkedPaths);
        bindingCrates = Map.copyOf(bindingCrates);
    }

    public String packageName() {
        return rootPackage.name();
    }

    public String version() {
        return rootPackage.version();
    }
}
