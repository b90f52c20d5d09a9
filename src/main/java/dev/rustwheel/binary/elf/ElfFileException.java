package dev.rustwheel.binary.elf;

import dev.rustwheel.binary.BinaryFileException;
import java.nio.file.Path;

/** Something about one ELF file stops the reader or the patcher; the message starts with the file. */
public abstract class ElfFileException extends BinaryFileException {

    protected ElfFileException(Path file, String problem) {
        super(file, problem);
    }
}
