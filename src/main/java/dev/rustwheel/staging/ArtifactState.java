package dev.rustwheel.staging;

/**
 * Where an artifact's bytes are. Intent states ({@link #STAGING}, {@link #RESTORING}) are written before the
 * move they announce, so a build killed mid-move leaves a manifest that says which move may be half done.
 */
public enum ArtifactState {
    /** At cargo's output path, as cargo left it. */
    COMPILED,
    /** About to move from cargo's path to the staging directory. */
    STAGING,
    /** Moved into the staging directory by rename; cargo's path is empty. */
    RENAMED,
    /** Copied into the staging directory (another file system); cargo's path still holds the original. */
    MIRRORED,
    /** About to be given back to cargo. */
    RESTORING,
    /** Back at cargo's output path. */
    RESTORED;

    /**
     * The state machine, in one place: staging starts from cargo's path ({@code COMPILED}, or {@code RESTORED} by an
     * earlier build), announces itself ({@code STAGING}) and ends {@code RENAMED} or {@code MIRRORED}; a restore
     * announces itself ({@code RESTORING}) from any state that needs one, and ends {@code RESTORED}.
     */
    public boolean canMoveTo(ArtifactState next) {
        return switch (next) {
            case STAGING -> canStage();
            case RENAMED, MIRRORED -> this == STAGING;
            case RESTORING -> needsRestore() && this != RESTORING;
            case RESTORED -> this == RESTORING;
            case COMPILED -> false;
        };
    }

    /** Whether the stage goal moves the artifact: its bytes are at cargo's path and nothing is half done. */
    public boolean canStage() {
        return this == COMPILED || this == RESTORED;
    }

    /** Whether cargo's output may be missing or a staged duplicate may exist, so that a restore has work to do. */
    public boolean needsRestore() {
        return this == STAGING || this == RENAMED || this == MIRRORED || this == RESTORING;
    }

    /** Whether the staging directory holds the artifact's bytes. */
    public boolean isStaged() {
        return this == RENAMED || this == MIRRORED;
    }
}
