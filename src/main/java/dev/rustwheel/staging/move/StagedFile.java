package dev.rustwheel.staging.move;

/** What a restore finds at an artifact's staged path. */
public enum StagedFile {
    ABSENT,
    /** The recorded bytes (same size, and same digest where the digest is known). */
    INTACT,
    /** Something else: a copy cut short, or bytes that are not the recorded ones. */
    DAMAGED
}
