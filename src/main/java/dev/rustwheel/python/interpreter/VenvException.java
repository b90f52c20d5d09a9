package dev.rustwheel.python.interpreter;

/** A virtual environment could not be created or used; the message says which and why. */
public final class VenvException extends Exception {

    public VenvException(String message) {
        super(message);
    }
}
