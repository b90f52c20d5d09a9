package dev.rustwheel.goals.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

class Pyo3PythonTest {

    @Test
    void theUsersPyo3PythonWins() {
        assertEquals(Map.of("PYO3_PYTHON", "python3", "RUSTFLAGS", "-g"),
                Pyo3Python.environment(Map.of("PYO3_PYTHON", "python3", "RUSTFLAGS", "-g"), "/opt/py/bin/python3.10"));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aNameOnPathBecomesTheFileItStands() {
        // sh stands in for an interpreter: any program on PATH is located the same way
        String located = Pyo3Python.environment(Map.of("RUSTFLAGS", "-g"), "sh").get("PYO3_PYTHON");
        Path path = Path.of(located);
        assertTrue(path.isAbsolute() && Files.isExecutable(path) && path.getFileName().toString().equals("sh"),
                located);
    }

    @Test
    void aPathIsMadeAbsoluteAndAnUnknownNameKept() {
        assertEquals(Path.of("bin/python3").toAbsolutePath().toString(),
                Pyo3Python.environment(Map.of(), "bin/python3").get("PYO3_PYTHON"));
        assertEquals("no-such-python-rustwheel",
                Pyo3Python.environment(Map.of(), "no-such-python-rustwheel").get("PYO3_PYTHON"),
                "left for PyO3 to report with its own message");
    }

    @Test
    void extensionModulesAreBuiltWithoutLibpythonAsMaturinBuildsThem() {
        assertEquals(Map.of("PYO3_BUILD_EXTENSION_MODULE", "1", "RUSTFLAGS", "-g"),
                Pyo3Python.forExtensionModule(Map.of("RUSTFLAGS", "-g"), true));
        assertEquals(Map.of("RUSTFLAGS", "-g"), Pyo3Python.forExtensionModule(Map.of("RUSTFLAGS", "-g"), false),
                "an executable embedding Python must link libpython");
        assertEquals(Map.of("PYO3_BUILD_EXTENSION_MODULE", ""),
                Pyo3Python.forExtensionModule(Map.of("PYO3_BUILD_EXTENSION_MODULE", ""), true), "the user's wins");
    }
}
