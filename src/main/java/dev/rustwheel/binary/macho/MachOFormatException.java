package dev.rustwheel.binary.macho;

import java.nio.file.Path;

/** The file is not a well-formed Mach-O file; the message names the structure that is wrong. */
public final class MachOFormatException extends MachOFileException {

    public MachOFormatException(Path file, String problem) {
        super(file, problem);
    }
}
