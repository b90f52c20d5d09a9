package dev.rustwheel.staging;

import dev.rustwheel.overlay.Overlay;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One file cargo built, as the manifest records it.
 *
 * @param kind       what cargo built: the extension module or an executable
 * @param name       cargo's target name (for a library, the Python module name by default)
 * @param cargoPath  where cargo wrote it and expects to find it again
 * @param stagedPath where staging keeps it between {@code stage} and {@code finalize}
 * @param size       its size in bytes when cargo produced it
 * @param sha256     digest of its clean bytes, known once {@code package} has streamed it (null before, and
 *                   after a package that reused the entry from the previous wheel without reading the file)
 * @param fresh      cargo's own verdict that it was up to date and not rebuilt in this build
 * @param state      where its bytes are now
 * @param overlay    the edits {@code repair} planned (new DT_NEEDED names, RPATH), applied only while it is
 *                   streamed into the wheel; null when it goes in as cargo wrote it
 * @param digested   the file {@code sha256} was taken from, as it was then: while a file still shows this identity
 *                   its digest is known without reading it; null when unknown (the digest is then checked by
 *                   reading the file)
 */
public record StagedArtifact(
        ArtifactKind kind, String name, Path cargoPath, Path stagedPath, long size, String sha256, boolean fresh,
        ArtifactState state, Overlay overlay, FileIdentity digested) {

    /** An artifact whose digest, if any, is checked by reading the file. */
    public StagedArtifact(ArtifactKind kind, String name, Path cargoPath, Path stagedPath, long size, String sha256,
            boolean fresh, ArtifactState state, Overlay overlay) {
        this(kind, name, cargoPath, stagedPath, size, sha256, fresh, state, overlay, null);
    }

    /** An artifact without an overlay, as every goal before {@code repair} records it. */
    public StagedArtifact(ArtifactKind kind, String name, Path cargoPath, Path stagedPath, long size, String sha256,
            boolean fresh, ArtifactState state) {
        this(kind, name, cargoPath, stagedPath, size, sha256, fresh, state, null);
    }

    /** @throws IllegalStateException for a move {@link ArtifactState#canMoveTo} does not allow: a defect */
    public StagedArtifact movedTo(ArtifactState newState) {
        if (!state.canMoveTo(newState)) {
            throw new IllegalStateException(name + " cannot go from " + state + " to " + newState);
        }
        return new StagedArtifact(kind, name, cargoPath, stagedPath, size, sha256, fresh, newState, overlay,
                digested);
    }

    /** @param file the identity of the file the digest was taken from, taken before it was read; null if unknown */
    public StagedArtifact withSha256(String digest, FileIdentity file) {
        return new StagedArtifact(kind, name, cargoPath, stagedPath, size, digest, fresh, state, overlay, file);
    }

    /**
     * This artifact with the digest an earlier record of the same cargo file has, while the file still shows the
     * identity that digest was taken from (as {@link #digested} promises); otherwise this artifact as it is.
     */
    public StagedArtifact withDigestOf(List<StagedArtifact> earlier) throws IOException {
        for (StagedArtifact record : earlier) {
            if (record.cargoPath.equals(cargoPath) && record.size == size && record.sha256 != null
                    && record.digested != null && record.digested.matches(cargoPath)) {
                return withSha256(record.sha256, record.digested);
            }
        }
        return this;
    }

    /** A copy carrying {@code edits} (null for none); its clean bytes, and so their digest, stay as they are. */
    public StagedArtifact withOverlay(Overlay edits) {
        return new StagedArtifact(kind, name, cargoPath, stagedPath, size, sha256, fresh, state, edits, digested);
    }

    /** Where the clean bytes are to be read now. */
    public Path currentPath() {
        return state.isStaged() ? stagedPath : cargoPath;
    }
}
