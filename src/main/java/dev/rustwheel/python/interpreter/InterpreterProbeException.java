package dev.rustwheel.python.interpreter;

/** An interpreter could not be asked about itself, or is not one rustwheel can build for. */
public final class InterpreterProbeException extends Exception {

    public InterpreterProbeException(String message) {
        super(message);
    }

    public InterpreterProbeException(String message, Throwable cause) {
        super(message, cause);
    }
}
