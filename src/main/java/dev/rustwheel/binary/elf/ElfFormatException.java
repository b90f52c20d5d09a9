package dev.rustwheel.binary.elf;

import java.nio.file.Path;

/** The file is not a well-formed ELF file; the message names the structure that is wrong. */
public final class ElfFormatException extends ElfFileException {

    public ElfFormatException(Path file, String problem) {
        super(file, problem);
    }
}
