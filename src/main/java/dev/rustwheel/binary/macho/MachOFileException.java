package dev.rustwheel.binary.macho;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Something about one Mach-O file stops the reader or the patcher. An {@link IOException} because the bytes on
 * disk are what is unusable; the message starts with the file.
 */
public abstract class MachOFileException extends IOException {

    private final Path file;
    private final String problem;

    protected MachOFileException(Path file, String problem) {
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
