package dev.rustwheel.python;

/** A project name that PEP 508 does not allow as a distribution name; the message says which rule it breaks. */
public final class InvalidDistributionNameException extends Exception {

    private final String name;

    public InvalidDistributionNameException(String name, String message) {
        super(message);
        this.name = name;
    }

    /** The name exactly as it was given. */
    public String name() {
        return name;
    }
}
