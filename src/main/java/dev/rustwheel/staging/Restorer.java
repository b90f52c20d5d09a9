package dev.rustwheel.staging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * Gives cargo its outputs back. The one routine behind both {@code finalize} and the recovery that
 * {@code compile} runs before cargo, so an interrupted build and a finished one end the same way.
 */
public final class Restorer {

    private final ManifestStore store;
    private final Consumer<String> log;

    public Restorer(ManifestStore store, Consumer<String> log) {
        this.store = store;
        this.log = log;
    }

    /** Restores every artifact that needs it and returns the manifest as written. */
    public StagingManifest restore(StagingManifest manifest) throws StagingException {
        StagingManifest current = manifest;
        for (int i = 0; i < current.artifacts().size(); i++) {
            StagedArtifact artifact = current.artifacts().get(i);
            if (!artifact.state().needsRestore()) {
                continue;
            }
            if (artifact.state() != ArtifactState.RESTORING) {
                current = current.withArtifact(i, a -> a.withState(ArtifactState.RESTORING));
                store.write(current);
            }
            apply(artifact);
            current = current.withArtifact(i, a -> a.withState(ArtifactState.RESTORED));
            store.write(current);
        }
        return current;
    }

    private void apply(StagedArtifact artifact) throws StagingException {
        Path cargo = artifact.cargoPath();
        Path staged = artifact.stagedPath();
        try {
            boolean stagedExists = Files.isRegularFile(staged);
            RestoreAction action = RestoreAction.decide(Files.exists(cargo), stagedExists,
                    stagedExists && Files.size(staged) == artifact.size());
            switch (action) {
                case NONE -> { }
                case RENAME_BACK -> {
                    // cargo's directory may have been cleaned since the file was staged
                    Files.createDirectories(cargo.getParent());
                    Files.move(staged, cargo, StandardCopyOption.ATOMIC_MOVE);
                    Durability.forceDirectory(cargo.getParent());
                    log.accept("Gave " + cargo + " back to cargo");
                }
                case DELETE_STAGED -> Files.delete(staged);
                case DISCARD_DAMAGED -> {
                    Files.delete(staged);
                    log.accept("Discarded " + staged + ": its size differs from what cargo built; cargo will"
                            + " rebuild " + cargo);
                }
                case LOST -> log.accept("Neither " + cargo + " nor " + staged + " exists; cargo will rebuild it");
            }
        } catch (IOException e) {
            throw new StagingException(cargo, "Cannot give " + cargo + " back to cargo from " + staged + ": " + e
                    + ". Move the file back by hand, or delete it and let cargo rebuild it.", e);
        }
    }
}
