package dev.rustwheel.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rustwheel.project.pyproject.PyprojectFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** maturin's layouts, as its test-crates pyo3-mixed-src, pyo3-mixed-workspace and pyo3-mixed spell them. */
class SourceLayoutTest {

    @TempDir
    Path root;

    private void file(String path, String text) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private String pythonSource() throws Exception {
        return SourceLayout.detectedPythonSource(PyprojectFile.read(root.resolve("pyproject.toml")));
    }

    @Test
    void theClassicLayoutKeepsCargoTomlBesidePyproject() throws Exception {
        file("pyproject.toml", "[project]\nname = \"pyo3-mixed\"\n");
        file("Cargo.toml", "[package]\n");
        file("pyo3_mixed/__init__.py", "");

        assertEquals(root.resolve("Cargo.toml"), SourceLayout.manifestPath(root, null));
        assertNull(pythonSource());
    }

    @Test
    void theSrcLayoutFindsTheCrateInRustAndThePackageUnderSrc() throws Exception {
        file("pyproject.toml", "[project]\nname = \"pyo3-mixed-src\"\n");
        file("rust/Cargo.toml", "[package]\n");
        file("src/pyo3_mixed_src/__init__.py", "");

        assertEquals(root.resolve("rust/Cargo.toml"), SourceLayout.manifestPath(root, null));
        assertEquals("src", pythonSource());
    }

    @Test
    void aPythonPackageListedInPythonPackagesAlsoMarksTheSrcLayout() throws Exception {
        file("pyproject.toml", "[project]\nname = \"dist\"\n[tool.maturin]\npython-packages = [\"other\"]\n");
        file("rust/Cargo.toml", "[package]\n");
        file("src/other/__init__.py", "");

        assertEquals("src", pythonSource());
    }

    @Test
    void manifestPathNamesAWorkspaceMember() throws Exception {
        file("pyproject.toml", "[project]\nname = \"pyo3-mixed-workspace\"\n[tool.maturin]\n"
                + "manifest-path = \"rust/python/pyo3-mixed-workspace-py/Cargo.toml\"\n");
        file("rust/Cargo.toml", "[workspace]\n");
        file("src/pyo3_mixed_workspace/__init__.py", "");

        assertEquals(root.resolve("rust/python/pyo3-mixed-workspace-py/Cargo.toml"),
                SourceLayout.manifestPath(root, null));
        assertEquals("src", pythonSource());
    }

    @Test
    void thePomsManifestPathWinsAndNothingIsDetectedWithoutThePieces() throws Exception {
        file("pyproject.toml", "[project]\nname = \"x\"\n[tool.maturin]\nmanifest-path = \"a/Cargo.toml\"\n");
        assertEquals(root.resolve("b/Cargo.toml"), SourceLayout.manifestPath(root, root.resolve("b/Cargo.toml")));

        file("pyproject.toml", "[project]\nname = \"x\"\n");
        file("rust/Cargo.toml", "[package]\n");
        assertEquals(root.resolve("Cargo.toml"), SourceLayout.manifestPath(root, null), "no src/x/__init__.py");
        assertNull(pythonSource());
        file("pyproject.toml", "[project]\nname = \"x\"\n[tool.maturin]\npython-source = \"python\"\n");
        assertEquals(root.resolve("rust/Cargo.toml"), SourceLayout.manifestPath(root, null));
    }
}
