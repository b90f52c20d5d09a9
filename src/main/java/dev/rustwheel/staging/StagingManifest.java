package dev.rustwheel.staging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Everything the goals of one module share, between goals and between builds.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}; a manifest of another version is refused rather than guessed at
 * @param crate         the crate that was built
 * @param linkedPaths   native library directories that cargo build scripts reported
 * @param artifacts     the cdylib and bin files of the crate, in cargo's order
 * @param audit         the {@code repair} goal's verdict, null until it ran (and in manifests written before it existed)
 */
public record StagingManifest(int schemaVersion, CrateInfo crate, List<Path> linkedPaths, List<StagedArtifact> artifacts,
        AuditRecord audit) {

    public static final int SCHEMA_VERSION = 1;

    public StagingManifest {
        linkedPaths = List.copyOf(linkedPaths);
        artifacts = List.copyOf(artifacts);
    }

    public static StagingManifest of(CrateInfo crate, List<Path> linkedPaths, List<StagedArtifact> artifacts) {
        return new StagingManifest(SCHEMA_VERSION, crate, linkedPaths, artifacts, null);
    }

    /** A copy with artifact {@code index} replaced by {@code change} applied to it. */
    public StagingManifest withArtifact(int index, UnaryOperator<StagedArtifact> change) {
        List<StagedArtifact> changed = new ArrayList<>(artifacts);
        changed.set(index, change.apply(changed.get(index)));
        return new StagingManifest(schemaVersion, crate, linkedPaths, changed, audit);
    }

    /** A copy without artifact {@code index}, for an entry that no longer stands for a file. */
    public StagingManifest withoutArtifact(int index) {
        List<StagedArtifact> kept = new ArrayList<>(artifacts);
        kept.remove(index);
        return new StagingManifest(schemaVersion, crate, linkedPaths, kept, audit);
    }

    public StagingManifest withAudit(AuditRecord verdict) {
        return new StagingManifest(schemaVersion, crate, linkedPaths, artifacts, verdict);
    }

    public boolean needsRestore() {
        return artifacts.stream().anyMatch(a -> a.state().needsRestore());
    }
}
