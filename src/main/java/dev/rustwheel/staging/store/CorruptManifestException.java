package dev.rustwheel.staging.store;

import dev.rustwheel.staging.StagingException;
import java.nio.file.Path;

/** The manifest exists but cannot be read; nothing it may describe has been touched. */
public final class CorruptManifestException extends StagingException {

    public CorruptManifestException(Path file, String problem, Path stagingDirectory, Throwable cause) {
        super(file, "Cannot read the staging manifest " + file + ": " + problem + ". It records which cargo outputs"
                + " were moved to " + stagingDirectory + "; nothing there was touched. Move any files in that"
                + " directory back to cargo's output directory (or let cargo rebuild them), then delete " + file
                + ".", cause);
    }
}
