package dev.rustwheel.goals.compile;

import dev.rustwheel.goals.BuildException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Points cargo at a target directory of the user's choice, through {@code CARGO_TARGET_DIR}, which cargo reads
 * as it reads {@code --target-dir}; unlike that flag, {@code cargo metadata} reads it too, so the directory that
 * is locked and staged from is the one cargo builds into.
 */
public final class CargoTargetDirectory {

    static final String VARIABLE = "CARGO_TARGET_DIR";

    private CargoTargetDirectory() {
    }

    /**
     * @param directory the configured directory, or null to leave cargo's own choice (and any
     *                  {@code CARGO_TARGET_DIR} already set) alone
     * @throws BuildException when the path names something other than a directory
     */
    public static Map<String, String> environment(Map<String, String> configured, Path directory, String property)
            throws BuildException {
        if (directory == null) {
            return configured;
        }
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw BuildException.userError("cargoTargetDirectory (property " + property + ") is " + directory
                    + ", which is not a directory. Point it at a directory (it is created if missing), or leave it"
                    + " unset for cargo's own target directory.", null);
        }
        Map<String, String> environment = new HashMap<>(configured);
        environment.put(VARIABLE, directory.toAbsolutePath().normalize().toString());
        return environment;
    }
}
