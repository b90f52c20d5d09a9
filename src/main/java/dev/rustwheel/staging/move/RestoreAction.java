package dev.rustwheel.staging.move;

/**
 * What giving an artifact back to cargo takes, decided from what is on disk rather than from what the manifest
 * hoped: a build may have died between any two steps, and cargo may have rebuilt the file since. Cargo's file, when
 * there is one, always wins: a staged file never replaces it.
 */
public enum RestoreAction {
    /** Cargo's path holds the recorded file and nothing is staged. */
    NONE,
    /** Only an intact staged file exists: move it back (a rename, a copy across file systems). */
    MOVE_BACK,
    /** Cargo's path holds the recorded file and a staged duplicate exists (a mirror or a leftover): it goes. */
    DELETE_STAGED,
    /** Only a staged file that is not the recorded bytes exists (a half-written copy): it goes, cargo rebuilds. */
    DISCARD_DAMAGED,
    /** Cargo rebuilt the file since it was recorded: cargo's stays, any staged one goes, the entry is stale. */
    KEEP_NEWER,
    /** Neither exists: nothing to give back, cargo rebuilds, the entry is stale. */
    LOST;

    public static RestoreAction decide(CargoFile cargo, StagedFile staged) {
        if (cargo == CargoFile.NEWER) {
            return KEEP_NEWER;
        }
        if (cargo == CargoFile.AS_RECORDED) {
            return staged == StagedFile.ABSENT ? NONE : DELETE_STAGED;
        }
        if (staged == StagedFile.ABSENT) {
            return LOST;
        }
        return staged == StagedFile.INTACT ? MOVE_BACK : DISCARD_DAMAGED;
    }

    /** Whether the manifest entry no longer describes any file and is dropped after the action. */
    public boolean dropsEntry() {
        return this == DISCARD_DAMAGED || this == KEEP_NEWER || this == LOST;
    }
}
