package dev.rustwheel.python;

/** A version string that cannot be turned into a PEP 440 version; the message says what to change. */
public final class InvalidVersionException extends Exception {

    private final String version;

    public InvalidVersionException(String version, String message) {
        super(message);
        this.version = version;
    }

    /** The version exactly as it was given. */
    public String version() {
        return version;
    }
}
