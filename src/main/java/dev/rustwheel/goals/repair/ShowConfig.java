package dev.rustwheel.goals.repair;

import java.nio.file.Path;
import java.util.List;

/**
 * What the {@code show} goal audits and how it reports.
 *
 * @param wheel         a wheel (or a directory holding one) to audit instead of the module's artifacts, or null
 * @param json          JSON for tools instead of text for people
 * @param ldLibraryPath the build's {@code LD_LIBRARY_PATH} (may be null)
 * @param libraryPath   directories searched for the libraries of macOS and Windows wheels
 * @param libraryPathParameter the parameter that sets {@code libraryPath}, with its property, for messages
 */
public record ShowConfig(Path wheel, boolean json, String ldLibraryPath, List<Path> libraryPath,
        String libraryPathParameter) {

    public ShowConfig {
        libraryPath = List.copyOf(libraryPath);
    }
}
