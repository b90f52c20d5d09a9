package dev.rustwheel.staging.move;

import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingException;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.store.Durability;
import dev.rustwheel.staging.store.DurableCopy;
import dev.rustwheel.staging.store.FaultPoints;
import dev.rustwheel.staging.store.FileDigest;
import dev.rustwheel.staging.store.ManifestStore;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
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

    /**
     * Restores every artifact that needs it and returns the manifest as written. Entries that no longer describe
     * any file (cargo rebuilt it, or it is gone) are dropped, each with a log line.
     */
    public StagingManifest restore(StagingManifest manifest) throws StagingException {
        StagingManifest current = manifest;
        int i = 0;
        while (i < current.artifacts().size()) {
            StagedArtifact artifact = current.artifacts().get(i);
            if (!artifact.state().needsRestore()) {
                i++;
                continue;
            }
            if (artifact.state() != ArtifactState.RESTORING) {
                current = current.withArtifactIn(i, ArtifactState.RESTORING);
                store.writeBeforeMove(current);
            }
            RestoreAction action = apply(artifact);
            if (action.dropsEntry()) {
                current = current.withoutArtifact(i);
            } else {
                current = current.withArtifactIn(i++, ArtifactState.RESTORED);
            }
            store.write(current);
        }
        return current;
    }

    private RestoreAction apply(StagedArtifact artifact) throws StagingException {
        Path cargo = artifact.cargoPath();
        Path staged = artifact.stagedPath();
        try {
            discardPartialCopy(staged);
            discardPartialCopy(cargo);
            RestoreAction action = RestoreAction.decide(cargoFile(artifact), stagedFile(artifact));
            switch (action) {
                case NONE -> { }
                case MOVE_BACK -> {
                    moveBack(staged, cargo);
                    FaultPoints.reach(FaultPoints.RESTORE_AFTER_MOVE);
                    log.accept("Gave " + cargo + " back to cargo");
                }
                case DELETE_STAGED -> {
                    Files.delete(staged);
                    FaultPoints.reach(FaultPoints.RESTORE_AFTER_MOVE);
                }
                case DISCARD_DAMAGED -> {
                    Files.delete(staged);
                    log.accept("Discarded " + staged + ": it is not the file cargo built (" + artifact.size()
                            + " bytes" + (artifact.sha256() == null ? "" : ", sha256 " + artifact.sha256())
                            + "); cargo will rebuild " + cargo + ". Dropped its stale manifest entry.");
                }
                case KEEP_NEWER -> {
                    Files.deleteIfExists(staged);
                    log.accept("Kept " + cargo + ": cargo rebuilt it after this plugin recorded it, so the older"
                            + " staged copy was dropped, and so was its stale manifest entry.");
                }
                case LOST -> log.accept("Neither " + cargo + " nor " + staged + " exists; cargo will rebuild it."
                        + " Dropped its stale manifest entry.");
            }
            return action;
        } catch (IOException e) {
            throw new StagingException(cargo, "Cannot give " + cargo + " back to cargo from " + staged + ": " + e
                    + ". Move the file back by hand, or delete it and let cargo rebuild it.", e);
        }
    }

    /** A rename where both paths are on one file system; across file systems a durable copy, then the delete. */
    private static void moveBack(Path staged, Path cargo) throws IOException {
        // cargo's directory may have been cleaned since the file was staged
        Files.createDirectories(cargo.getParent());
        try {
            Files.move(staged, cargo, StandardCopyOption.ATOMIC_MOVE);
            // unlike staging's rename, waited for: a finished build leaves cargo its output even after a power loss
            Durability.forceDirectory(cargo.getParent());
        } catch (AtomicMoveNotSupportedException crossesDevices) {
            DurableCopy.copy(staged, cargo);
            Files.delete(staged);
        }
    }

    private void discardPartialCopy(Path destination) throws IOException {
        Path partial = DurableCopy.partialOf(destination);
        if (Files.deleteIfExists(partial)) {
            log.accept("Discarded " + partial + ", a copy an earlier build did not finish");
        }
    }

    private static CargoFile cargoFile(StagedArtifact artifact) throws IOException {
        if (!Files.exists(artifact.cargoPath())) {
            return CargoFile.ABSENT;
        }
        return holdsRecordedBytes(artifact.cargoPath(), artifact) ? CargoFile.AS_RECORDED : CargoFile.NEWER;
    }

    private static StagedFile stagedFile(StagedArtifact artifact) throws IOException {
        if (!Files.isRegularFile(artifact.stagedPath())) {
            return StagedFile.ABSENT;
        }
        return holdsRecordedBytes(artifact.stagedPath(), artifact) ? StagedFile.INTACT : StagedFile.DAMAGED;
    }

    /**
     * Same size, and same digest once {@code package} has recorded one. The file is read for its digest only when
     * it is not the file the digest was taken from, unwritten since: a gigabyte library read on every build would
     * cost more than the rest of a rebuild.
     */
    private static boolean holdsRecordedBytes(Path file, StagedArtifact artifact) throws IOException {
        if (Files.size(file) != artifact.size()) {
            return false;
        }
        return artifact.sha256() == null || (artifact.digested() != null && artifact.digested().matches(file))
                || artifact.sha256().equals(FileDigest.sha256Hex(file));
    }
}
