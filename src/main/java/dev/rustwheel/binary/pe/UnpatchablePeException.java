package dev.rustwheel.binary.pe;

import java.nio.file.Path;

/** A well-formed PE image that the requested edit cannot be applied to; the message says why and what to do. */
public final class UnpatchablePeException extends PeFileException {

    public UnpatchablePeException(Path file, String problem) {
        super(file, problem);
    }
}
