package dev.rustwheel.python;

/** A dependency or version specifier that PEP 508 / PEP 440 does not allow; the message says where it went wrong. */
public final class InvalidRequirementException extends Exception {

    public InvalidRequirementException(String message) {
        super(message);
    }
}
