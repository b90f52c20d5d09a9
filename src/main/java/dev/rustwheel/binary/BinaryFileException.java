package dev.rustwheel.binary;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Something about one native file (ELF, Mach-O, PE) stops its reader or patcher. An {@link IOException} (as
 * {@code ZipException} is) because the bytes on disk are what is unusable; the message starts with the file. Each
 * format has its own subclass, so callers can tell which reader refused.
 */
public abstract class BinaryFileException extends IOException {

    private final Path file;
    private final String problem;

    protected BinaryFileException(Path file, String problem) {
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
