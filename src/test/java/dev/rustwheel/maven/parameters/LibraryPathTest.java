package dev.rustwheel.maven.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the mojos name {@code libraryPath} to the core, whose messages about a missing library use it as given. */
class LibraryPathTest {

    private static final ParameterSources COMMAND_LINE = (property, value, defaultValue) ->
            "set by -D" + property + " on the command line";

    @Test
    void anUnsetLibraryPathIsNamedByItsProperty() {
        assertEquals("libraryPath (property rustwheel.libraryPath)", LibraryPath.parameter(null, COMMAND_LINE));
        assertEquals("libraryPath (property rustwheel.libraryPath)", LibraryPath.parameter(" ", COMMAND_LINE));
    }

    @Test
    void aSetLibraryPathIsNamedWithWhereItsValueCameFrom() {
        assertEquals("parameter libraryPath (property rustwheel.libraryPath, set by -Drustwheel.libraryPath on the"
                + " command line)", LibraryPath.parameter("/opt/win64/bin", COMMAND_LINE));
    }
}
