package dev.rustwheel.binary.elf.patch;

import dev.rustwheel.binary.elf.ElfFileException;
import java.nio.file.Path;

/**
 * The file is well-formed ELF, but the patcher will not edit it, because the edit could break it (a non-PIE
 * executable) or cannot be expressed (no dynamic section, address space exhausted). The message says which,
 * and what to do instead.
 */
public final class UnpatchableElfException extends ElfFileException {

    public UnpatchableElfException(Path file, String problem) {
        super(file, problem);
    }
}
