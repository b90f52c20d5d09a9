package dev.rustwheel.binary.macho;

import java.nio.file.Path;

/** A well-formed Mach-O file that the requested edit cannot be applied to; the message says why and what to do. */
public final class UnpatchableMachOException extends MachOFileException {

    public UnpatchableMachOException(Path file, String problem) {
        super(file, problem);
    }
}
