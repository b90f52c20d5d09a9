package dev.rustwheel.binary.pe;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Something about one PE file stops the reader or the patcher. An {@link IOException} because the bytes on disk
 * are what is unusable; the message starts with the file.
 */
public abstract class PeFileException extends IOException {

    private final Path file;
    private final String problem;

    protected PeFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
