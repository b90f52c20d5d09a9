package dev.rustwheel.maven.parameters;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The {@code libraryPath} parameter: directories separated by the platform's path separator, blanks ignored. */
public final class LibraryPath {

    private LibraryPath() {
    }

    public static List<Path> parse(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(File.pathSeparator)).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath()).toList();
    }

    /**
     * How the core's messages name the parameter: with where its value came from when it is set, else (when a
     * library is missing because nothing was named) by its property alone.
     */
    public static String parameter(String value, ParameterSources sources) {
        if (value == null || value.isBlank()) {
            return PropertyNames.parameter("libraryPath", PropertyNames.LIBRARY_PATH);
        }
        return WheelParameters.describe("libraryPath", PropertyNames.LIBRARY_PATH,
                sources.of(PropertyNames.LIBRARY_PATH, value, null));
    }
}
