package dev.rustwheel.staging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything the goals of one module share, between goals and between builds.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}; a manifest of another version is refused rather than guessed at
 * @param crate         the crate that was built
 * @param linkedPaths   native library directories that cargo build scripts reported
 * @param artifacts     the cdylib and bin files of the crate, in cargo's order
 * @param audit         the {@code repair} goal's verdict, null until it ran
 * @param grafted       the external libraries {@code repair} planned to carry in the wheel; empty when none
 * @param layout        where things go in the wheel, as {@code repair} decided it; null until it ran
 * @param wheels        what went into each wheel {@code package} wrote last; empty before it ran
 */
public record StagingManifest(int schemaVersion, CrateInfo crate, List<Path> linkedPaths, List<StagedArtifact> artifacts,
        AuditRecord audit, List<GraftedLibrary> grafted, WheelLayout layout, List<WheelRecord> wheels) {

    /**
     * 2: artifact kinds checked, the layout and the wheels recorded, no field absent (1 could lack grafted, the
     * crate's metadata and target directory). 3: grafted libraries record their source's size and modification
     * time.
     */
    public static final int SCHEMA_VERSION = 3;

    public StagingManifest {
        linkedPaths = List.copyOf(linkedPaths);
        artifacts = List.copyOf(artifacts);
        grafted = List.copyOf(grafted);
        wheels = List.copyOf(wheels);
    }

    public static StagingManifest of(CrateInfo crate, List<Path> linkedPaths, List<StagedArtifact> artifacts) {
        return new StagingManifest(SCHEMA_VERSION, crate, linkedPaths, artifacts, null, List.of(), null, List.of());
    }

    /** A copy with artifact {@code index} replaced by {@code change} applied to it. */
    public StagingManifest withArtifact(int index, UnaryOperator<StagedArtifact> change) {
        List<StagedArtifact> changed = new ArrayList<>(artifacts);
        changed.set(index, change.apply(changed.get(index)));
        return new StagingManifest(schemaVersion, crate, linkedPaths, changed, audit, grafted, layout, wheels);
    }

    /** A copy with artifact {@code index} moved to {@code state}. */
    public StagingManifest withArtifactIn(int index, ArtifactState state) {
        // no lambda for withArtifact: stage and finalize move artifacts on every build, and a lambda costs a class
        List<StagedArtifact> changed = new ArrayList<>(artifacts);
        changed.set(index, changed.get(index).movedTo(state));
        return new StagingManifest(schemaVersion, crate, linkedPaths, changed, audit, grafted, layout, wheels);
    }

    /** A copy without artifact {@code index}, for an entry that no longer stands for a file. */
    public StagingManifest withoutArtifact(int index) {
        List<StagedArtifact> kept = new ArrayList<>(artifacts);
        kept.remove(index);
        return new StagingManifest(schemaVersion, crate, linkedPaths, kept, audit, grafted, layout, wheels);
    }

    public StagingManifest withAudit(AuditRecord verdict) {
        return new StagingManifest(schemaVersion, crate, linkedPaths, artifacts, verdict, grafted, layout, wheels);
    }

    /** A copy recording the libraries to graft (empty for none), replacing any an earlier repair recorded. */
    public StagingManifest withGrafted(List<GraftedLibrary> libraries) {
        return new StagingManifest(schemaVersion, crate, linkedPaths, artifacts, audit, libraries, layout, wheels);
    }

    /** A copy recording where things go in the wheel. */
    public StagingManifest withLayout(WheelLayout decided) {
        return new StagingManifest(schemaVersion, crate, linkedPaths, artifacts, audit, grafted, decided, wheels);
    }

    /** A copy recording {@code wheel}, replacing any earlier record of the same wheel file. */
    public StagingManifest withWheel(WheelRecord wheel) {
        List<WheelRecord> recorded = new ArrayList<>(wheels);
        for (int i = recorded.size() - 1; i >= 0; i--) {
            if (recorded.get(i).file().equals(wheel.file())) {
                recorded.remove(i);
            }
        }
        recorded.add(wheel);
        return new StagingManifest(schemaVersion, crate, linkedPaths, artifacts, audit, grafted, layout, recorded);
    }

    /** A copy keeping the wheel records of {@code earlier}, for a manifest rewritten after cargo ran again. */
    public StagingManifest withWheelsOf(Optional<StagingManifest> earlier) {
        return new StagingManifest(schemaVersion, crate, linkedPaths, artifacts, audit, grafted, layout,
                earlier.isPresent() ? earlier.get().wheels() : List.of());
    }

    public boolean needsRestore() {
        for (StagedArtifact artifact : artifacts) {
            if (artifact.state().needsRestore()) {
                return true;
            }
        }
        return false;
    }
}
