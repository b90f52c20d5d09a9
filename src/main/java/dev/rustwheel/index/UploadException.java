package dev.rustwheel.index;

/** An upload that cannot be done or that the index refused; the message says what to fix. */
public final class UploadException extends Exception {

    public UploadException(String message, Throwable cause) {
        super(message, cause);
    }
}
