package dev.rustwheel.staging;

import dev.rustwheel.staging.store.ManifestStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** A module's build directory and a cargo target directory side by side, as real files in a temp directory. */
public final class Fixtures {

    public final Path cargoRelease;
    public final StagingLayout layout;
    public final ManifestStore store;

    public Fixtures(Path tempDir) {
        this.cargoRelease = tempDir.resolve("crate/target/release");
        this.layout = StagingLayout.under(tempDir.resolve("module/target"));
        this.store = new ManifestStore(layout);
    }

    /** An artifact record for {@code fileName} in cargo's release directory, with the given recorded size. */
    public StagedArtifact artifact(String kind, String fileName, long size, ArtifactState state) {
        Path cargo = cargoRelease.resolve(fileName);
        return new StagedArtifact(ArtifactKind.of(kind), fileName, cargo, layout.stagedPathFor(ArtifactKind.of(kind), cargo),
                size, null, false, state);
    }

    public static StagingManifest manifest(StagedArtifact... artifacts) {
        return StagingManifest.of(new CrateInfo(Path.of("/src/crate/Cargo.toml"), "demo", "0.1.0"), List.of(),
                List.of(artifacts));
    }

    public static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    public static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    /** What the manifest on disk says about artifact {@code index}. */
    public ArtifactState stateOnDisk(int index) throws StagingException {
        return store.read().orElseThrow().artifacts().get(index).state();
    }
}
