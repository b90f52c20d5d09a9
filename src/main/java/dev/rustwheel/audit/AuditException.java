package dev.rustwheel.audit;

/** The files cannot be audited or cannot meet the requested policy; the message says why and how to fix it. */
public final class AuditException extends Exception {

    public AuditException(String message) {
        super(message);
    }
}
