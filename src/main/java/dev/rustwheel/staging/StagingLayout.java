package dev.rustwheel.staging;

import java.nio.file.Path;

/** Where one module keeps its staging state: {@code <build dir>/rustwheel/}. */
public record StagingLayout(Path root) {

    public static StagingLayout under(Path buildDirectory) {
        return new StagingLayout(buildDirectory.resolve("rustwheel"));
    }

    public Path manifest() {
        return root.resolve("manifest.json");
    }

    public Path stagingDirectory() {
        return root.resolve("staging");
    }

    /** The staged name keeps cargo's file name, prefixed by the artifact's kind so a bin and a lib cannot clash. */
    public Path stagedPathFor(String kind, Path cargoPath) {
        return stagingDirectory().resolve(kind).resolve(cargoPath.getFileName());
    }
}
