package dev.rustwheel.binary.pe;

import java.nio.file.Path;

/** The file is not a well-formed PE/COFF image; the message names the structure that is wrong. */
public final class PeFormatException extends PeFileException {

    public PeFormatException(Path file, String problem) {
        super(file, problem);
    }
}
