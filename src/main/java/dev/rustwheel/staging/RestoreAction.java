package dev.rustwheel.staging;

/**
 * What giving an artifact back to cargo takes, decided from what is on disk rather than from what the manifest
 * hoped: a build may have died between any two steps, and cargo may have rebuilt the file since.
 */
public enum RestoreAction {
    /** Cargo's path holds the file and nothing is staged. */
    NONE,
    /** Only the staged file exists: rename it back. */
    RENAME_BACK,
    /**
     * Both exist (cargo rebuilt it, or the staged file is a mirror, a half-written copy or a leftover): cargo's
     * file is authoritative and the staged one goes.
     */
    DELETE_STAGED,
    /** Only a staged file of the wrong size exists: it cannot be trusted, so it goes and cargo rebuilds. */
    DISCARD_DAMAGED,
    /** Neither exists: nothing to give back, cargo rebuilds. */
    LOST;

    public static RestoreAction decide(boolean cargoExists, boolean stagedExists, boolean stagedSizeMatches) {
        if (cargoExists) {
            return stagedExists ? DELETE_STAGED : NONE;
        }
        if (!stagedExists) {
            return LOST;
        }
        return stagedSizeMatches ? RENAME_BACK : DISCARD_DAMAGED;
    }
}
