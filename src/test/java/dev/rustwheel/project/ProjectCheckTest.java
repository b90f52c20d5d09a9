package dev.rustwheel.project;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.staging.CrateInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectCheckTest {

    @TempDir
    Path dir;

    private String failure(String toml, MaturinSettings pom) throws Exception {
        Path pyproject = Files.writeString(dir.resolve("pyproject.toml"), toml);
        ProjectException e = assertThrows(ProjectException.class, () -> ProjectCheck.beforeBuild(pyproject, pom, Map.of(),
                new CrateInfo(dir.resolve("Cargo.toml"), "demo", "0.1.0")));
        assertTrue(e.isUserError());
        return e.getMessage();
    }

    @Test
    void aPlainCrateWithoutPyprojectPasses() {
        assertDoesNotThrow(() -> ProjectCheck.beforeBuild(dir.resolve("pyproject.toml"), MaturinSettings.NONE, Map.of(),
                new CrateInfo(dir.resolve("Cargo.toml"), "demo", "0.1.0")));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "[project\\nname = 'x'|Fix the TOML syntax",
            "[project]\\nname = 'x'\\nversion = '1.0-final'|[project] version = \"1.0-final\" is not a valid PEP 440",
            "[project]\\nname = 'not a name!'\\nversion = '1.0'|[project] name",
            "[project]\\nname = 'x'\\nversion = '1'\\ndependencies = ['requests >>= 2']|[project] dependencies",
            "[tool.maturin]\\nbindings = 'xyz'|[tool.maturin] bindings = 'xyz' is not a binding type",
            "[tool.maturin]\\nmodule-name = 3|[tool.maturin] module-name must be a string",
            "[tool.maturin]\\ninclude = [{ path = 'a.txt', from = 'out-dir', to = 'pkg', crate-name = 'other' }]|asks for the OUT_DIR of crate 'other'",
            "[tool.maturin]\\ninclude = [{ path = 'a.txt', from = 'out-dir', to = '../up' }]|to = '../up' must be a directory inside the wheel",
            "[tool.maturin]\\nmodule-name = 'my-module'|[tool.maturin] module-name = 'my-module' is not a Python import name",
            "[tool.maturin]\\npython-source = '../outside'|python-source = '../outside' names"})
    void badPyprojectValuesFailNamingTableAndKey(String toml, String expected) throws Exception {
        String message = failure(toml.replace("\\n", "\n"), MaturinSettings.NONE);
        assertTrue(message.contains(expected), message);
        assertTrue(message.contains("pyproject.toml"), message);
    }

    @Test
    void aPomBindingsValueWinsOverPyprojects() throws Exception {
        Path pyproject = Files.writeString(dir.resolve("pyproject.toml"), "[tool.maturin]\nbindings = 'cffi'\n");
        assertEquals(Optional.of(new ProjectCheck.Requested(Bindings.EXTENSION, "parameter bindings")),
                ProjectCheck.beforeBuild(pyproject, new MaturinSettings(null, null, null, null, null, null, "pyo3"),
                        Map.of(), new CrateInfo(dir.resolve("Cargo.toml"), "demo", "0.1.0")));
        assertEquals(Optional.of(new ProjectCheck.Requested(Bindings.CFFI, pyproject + ": [tool.maturin] bindings")),
                ProjectCheck.beforeBuild(pyproject, MaturinSettings.NONE, Map.of(),
                        new CrateInfo(dir.resolve("Cargo.toml"), "demo", "0.1.0")));
    }

    @Test
    void aPomLayoutValueIsNamedAsTheMojoLayerDescribesIt() throws Exception {
        Path pyproject = Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = 'x'\nversion = '1'\n");
        String described = "parameter data (property rustwheel.data, set by -Drustwheel.data on the command line)";
        ProjectException e = assertThrows(ProjectException.class, () -> ProjectCheck.beforeBuild(pyproject,
                new MaturinSettings(null, null, null, null, null, "../elsewhere", null), Map.of("data", described),
                new CrateInfo(dir.resolve("Cargo.toml"), "demo", "0.1.0")));
        assertTrue(e.getMessage().startsWith(described + " = '../elsewhere' points outside the project directory"),
                e.getMessage());
    }
}
