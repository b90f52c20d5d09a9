package dev.rustwheel.cargo;

/** Cargo could not be run, or did not build what was asked; the message says what to fix. */
public final class CargoException extends Exception {

    /** What went wrong, so callers can tell configuration mistakes from broken code. */
    public enum Reason { NO_MANIFEST, NOT_RUNNABLE, BAD_TARGET, BUILD_FAILED, UNEXPECTED_OUTPUT }

    private final Reason reason;

    public CargoException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
