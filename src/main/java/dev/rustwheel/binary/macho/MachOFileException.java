package dev.rustwheel.binary.macho;

import dev.rustwheel.binary.BinaryFileException;
import java.nio.file.Path;

/** Something about one Mach-O file stops the reader or the patcher; the message starts with the file. */
public abstract class MachOFileException extends BinaryFileException {

    protected MachOFileException(Path file, String problem) {
        super(file, problem);
    }
}
