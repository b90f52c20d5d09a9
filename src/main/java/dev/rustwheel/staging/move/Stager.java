package dev.rustwheel.staging.move;

import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingException;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.store.DurableCopy;
import dev.rustwheel.staging.store.FaultPoints;
import dev.rustwheel.staging.store.ManifestStore;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Moves cargo's outputs into the staging directory, so nothing that happens to them before {@code finalize}
 * (cargo or an IDE rebuilding, a later repair) can touch cargo's own files. A rename costs nothing whatever the
 * file's size; only across file systems is the file copied, and then cargo's original stays where it is.
 */
public final class Stager {

    private final ManifestStore store;

    public Stager(ManifestStore store) {
        this.store = store;
    }

    /** Stages every artifact still at cargo's path and returns the manifest as written. */
    public StagingManifest stage(StagingManifest manifest) throws StagingException {
        StagingManifest current = manifest;
        for (int i = 0; i < current.artifacts().size(); i++) {
            StagedArtifact artifact = current.artifacts().get(i);
            if (!artifact.state().canStage()) {
                continue;
            }
            current = current.withArtifactIn(i, ArtifactState.STAGING);
            store.writeBeforeMove(current);
            ArtifactState done = move(artifact.cargoPath(), artifact.stagedPath());
            FaultPoints.reach(FaultPoints.STAGE_AFTER_MOVE);
            current = current.withArtifactIn(i, done);
            store.write(current);
        }
        return current;
    }

    private static ArtifactState move(Path cargo, Path staged) throws StagingException {
        try {
            Files.createDirectories(staged.getParent());
            // a leftover at the destination may be a hard link to cargo's file: renaming onto the same inode
            // does nothing, and the next write through either name would corrupt both (maturin #3199)
            Files.deleteIfExists(staged);
            try {
                // not forced to disk: should a power loss undo it, the file is where the announcement says it
                // came from, and the recovery finds it there
                Files.move(cargo, staged, StandardCopyOption.ATOMIC_MOVE);
                return ArtifactState.RENAMED;
            } catch (AtomicMoveNotSupportedException crossesDevices) {
                // cargo keeps its original: finalize then only deletes the duplicate
                DurableCopy.copy(cargo, staged);
                return ArtifactState.MIRRORED;
            }
        } catch (NoSuchFileException e) {
            throw new StagingException(cargo, "Cannot stage " + cargo + ": cargo's output is missing. Run the"
                    + " compile goal in the same build before stage.", e);
        } catch (IOException e) {
            throw new StagingException(cargo, "Cannot stage " + cargo + " into " + staged + ": " + e + ". Check"
                    + " that " + staged.getParent() + " is writable and has room for the file, or set"
                    + " the parameter stagingDirectory to a directory that has; cargo's"
                    + " output was left where it is.", e);
        }
    }
}
