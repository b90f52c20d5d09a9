package dev.rustwheel.goals;

import java.util.Locale;

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

    /** @param where the parameter and property, for the message */
    public static AuditwheelMode parse(String value, String where) throws BuildException {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BuildException.userError(where + " = '" + value + "' is not an auditwheel mode. Use repair, check,"
                    + " warn or skip.", e);
        }
    }
}
