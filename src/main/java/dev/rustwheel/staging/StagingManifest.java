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
 * @param grafted       the external libraries {@code repair} planned to carry in the wheel; empty when none
 * @param layout        where things go in the wheel, as {@code repair} decided it; null until it ran
 */
public record StagingManifest(int schemaVersion, CrateInfo crate, List<Path> linkedPaths, List<StagedArtifact> artifacts,
        AuditRecord audit, List<GraftedLibrary> grafted, WheelLayout layout) {

    /** 2: artifact kinds checked, the layout recorded, no field absent (1 lacked grafted, metadata, targetDirectory). */
    public static final int SCHEMA_VERSION = 2;

    public StagingManifest {
        linkedPaths = List.copyOf(linkedPaths);
        artifacts = List.copyOf(artifacts);
        grafted = List.copyOf(grafted);
    }

    public static StagingManifest of(CrateInfo crate, List<Path> linkedPaths, List<StagedArtifact> artifacts) {
        return new StagingManifest(SCHEMA_VERSION, crate, linkedPaths, artifacts, null, List.of(), null);
    }

    /** A copy with artifact {@code index} replaced by {@code change} applied to it. */
    public StagingManifest withArtifact(int index, UnaryOperator<StagedArtifact> change) {
        List<StagedArtifact> changed = new ArrayList<>(artifacts);
        changed.set(index, change.apply(changed.get(index)));
        return new StagingManifest(schemaVersion, crate, linkedPaths, changed, audit, grafted, layout);
    }

    /** A copy without artifact {@code index}, for an entry that no longer stands for a file. */
    public StagingManifest withoutArtifact(int index) {
        List<StagedArtifact> kept = new ArrayList<>(artifacts);
        kept.remove(index);
        return new StagingManifest(schemaVersion, crate, linkedPaths, kept, audit, grafted, layout);
    }

    public StagingManifest withAudit(AuditRecord verdict) {
        return new StagingManifest(schemaVersion, crate, linkedPaths, artifacts, verdict, grafted, layout);
    }

    /** A copy recording the libraries to graft (empty for none), replacing any an earlier repair recorded. */
    public StagingManifest withGrafted(List<GraftedLibrary> libraries) {
        return new StagingManifest(schemaVersion, crate, linkedPaths, artifacts, audit, libraries, layout);
    }

    /** A copy recording where things go in the wheel. */
    public StagingManifest withLayout(WheelLayout decided) {
        return new StagingManifest(schemaVersion, crate, linkedPaths, artifacts, audit, grafted, decided);
    }

    public boolean needsRestore() {
        return artifacts.stream().anyMatch(a -> a.state().needsRestore());
    }
}
