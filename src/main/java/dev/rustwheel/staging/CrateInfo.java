package dev.rustwheel.staging;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The crate a manifest's artifacts came from, as cargo reported it.
 *
 * @param targetDirectory cargo's target directory, whose lock every goal that moves files in it takes
 * @param metadata        the Cargo.toml fields wheel metadata falls back to
 * @param bindingCrates   the Python binding crates ({@code pyo3}, {@code pyo3-ffi}, {@code uniffi}) cargo built,
 *                        each with its resolved features, e.g. {@code pyo3 → [abi3, abi3-py37, …]}
 * @param linkedCrates    the crate itself first, then every crate its build pulls in; empty in manifests written
 *                        before it was recorded
 * @param outDirectory    its build script's {@code OUT_DIR}, which {@code include} tables with
 *                        {@code from = "out-dir"} ship files from; null without a build script
 */
public record CrateInfo(Path manifestPath, String name, String version, Path targetDirectory, CrateMetadata metadata,
                        Map<String, List<String>> bindingCrates, List<LinkedCrate> linkedCrates,
                        Path outDirectory) {

    public CrateInfo {
        bindingCrates = Map.copyOf(bindingCrates);
        linkedCrates = List.copyOf(linkedCrates);
    }

    /** A crate whose dependency graph is not known. */
    public CrateInfo(Path manifestPath, String name, String version, Path targetDirectory, CrateMetadata metadata,
                     Map<String, List<String>> bindingCrates) {
        this(manifestPath, name, version, targetDirectory, metadata, bindingCrates, List.of(), null);
    }

    /** A crate known only by name and version: no target directory, no fallback metadata, no binding crates. */
    public CrateInfo(Path manifestPath, String name, String version) {
        this(manifestPath, name, version, null, CrateMetadata.EMPTY, Map.of());
    }

    /** The directory holding the crate's Cargo.toml, against which its relative paths resolve. */
    public Path directory() {
        return manifestPath.toAbsolutePath().getParent();
    }
}
