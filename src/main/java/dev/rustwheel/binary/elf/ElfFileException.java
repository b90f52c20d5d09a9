package dev.rustwheel.binary.elf;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Something about one ELF file stops the reader or the patcher. An {@link IOException} (as {@code ZipException}
 * is) because the bytes on disk are what is unusable; the message starts with the file.
 */
public abstract class ElfFileException extends IOException {

    private final Path file;
    private final String problem;

    protected ElfFileException(Path file, String problem) {
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
