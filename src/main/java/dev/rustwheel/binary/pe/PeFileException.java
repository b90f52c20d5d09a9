package dev.rustwheel.binary.pe;

import dev.rustwheel.binary.BinaryFileException;
import java.nio.file.Path;

/** Something about one PE file stops the reader or the patcher; the message starts with the file. */
public abstract class PeFileException extends BinaryFileException {

    protected PeFileException(Path file, String problem) {
        super(file, problem);
    }
}
