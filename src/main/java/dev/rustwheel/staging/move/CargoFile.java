package dev.rustwheel.staging.move;

/** What a restore finds at an artifact's cargo output path. */
public enum CargoFile {
    ABSENT,
    /** The file the manifest recorded (same size, and same digest where the digest is known). */
    AS_RECORDED,
    /** Another file: cargo rebuilt it after it was recorded. */
    NEWER
}
