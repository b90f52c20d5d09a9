package dev.rustwheel.staging;

import java.nio.file.Path;

/**
 * Where one module keeps its staging state: the manifest in {@code <build dir>/rustwheel/}, the staged files in
 * {@code <build dir>/rustwheel/staging/} unless the user puts them elsewhere (another file system, say).
 */
public record StagingLayout(Path root, Path stagingDirectory) {

    public static StagingLayout under(Path buildDirectory) {
        Path root = buildDirectory.resolve("rustwheel");
        return new StagingLayout(root, root.resolve("staging"));
    }

    /** @param stagingDirectory where staged files go; {@code null} for the default under the build directory */
    public static StagingLayout under(Path buildDirectory, Path stagingDirectory) {
        StagingLayout standard = under(buildDirectory);
        return stagingDirectory == null ? standard : new StagingLayout(standard.root(), stagingDirectory);
    }

    public Path manifest() {
        return root.resolve("manifest.json");
    }

    /** Answers kept between builds to spare warm builds repeated work (an interpreter probe, cargo metadata). */
    public Path cache() {
        return root.resolve("cache");
    }

    /** The staged name keeps cargo's file name, prefixed by the artifact's kind so a bin and a lib cannot clash. */
    public Path stagedPathFor(String kind, Path cargoPath) {
        return stagingDirectory.resolve(kind).resolve(cargoPath.getFileName());
    }
}
