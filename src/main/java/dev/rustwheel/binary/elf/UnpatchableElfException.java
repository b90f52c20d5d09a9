package dev.rustwheel.binary.elf;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file is well-formed ELF, but the patcher will not edit it, because the edit could break it (a non-PIE
 * executable) or cannot be expressed (no dynamic section, address space exhausted). The message says which,
 * and what to do instead.
 */
public final class UnpatchableElfException extends IOException {

    private final Path file;
    private final String problem;

    public UnpatchableElfException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** What stands in the way, without the file name. */
    public String problem() {
        return problem;
    }
}
