package dev.rustwheel.staging;

import java.nio.file.Path;

/** Staging state cannot be trusted or a move failed; the message names the file and how to proceed. */
public class StagingException extends Exception {

    private final Path file;

    public StagingException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
