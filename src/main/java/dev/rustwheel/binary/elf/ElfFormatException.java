package dev.rustwheel.binary.elf;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file is not a well-formed ELF file. An {@link IOException} (as {@code ZipException} is) because the
 * bytes read from disk are unusable; the message names the file and the structure that is wrong.
 */
public final class ElfFormatException extends IOException {

    private final Path file;
    private final String problem;

    public ElfFormatException(Path file, String problem) {
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
