package dev.rustwheel.goals.repair;

/** What {@code repair} does about external libraries, in maturin's words ({@code --auditwheel}). */
public enum AuditwheelMode {
    /** Graft them into the wheel and tag it for the policy its files then meet. */
    REPAIR,
    /** Fail the build naming each library a repair would graft. */
    CHECK,
    /** Warn, and tag the wheel for what its files meet as they are. */
    WARN,
    /** No audit: the wheel keeps the interpreter's platform tag. */
    SKIP;
}
