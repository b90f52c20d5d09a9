package dev.rustwheel.maven.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The description of a parameter the mojos hand to the core, which uses it as given. */
class PropertyNamesTest {

    @Test
    void aParameterIsNamedWithItsProperty() {
        assertEquals("venv (property rustwheel.venv)", PropertyNames.parameter("venv", PropertyNames.VENV));
        assertEquals("skipExisting (property rustwheel.skipExisting)",
                PropertyNames.parameter("skipExisting", PropertyNames.SKIP_EXISTING));
    }
}
