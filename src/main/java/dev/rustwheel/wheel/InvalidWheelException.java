package dev.rustwheel.wheel;

import java.nio.file.Path;

/** A file offered as a wheel is not one: it cannot say, from its own {@code .dist-info}, what it is. */
public final class InvalidWheelException extends Exception {

    private final Path file;

    public InvalidWheelException(Path file, String problem) {
        super(file + " is not a valid wheel: " + problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
