package dev.rustwheel.project.sdist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.cargo.CargoSources;
import dev.rustwheel.project.pyproject.LicenseFiles;
import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.project.pyproject.PyprojectFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expected file lists are what maturin 1.15's {@code maturin sdist} put into its archives for these layouts. */
class SdistLayoutTest {

    @TempDir
    Path dir;

    /** A mixed project at the workspace root: cargo's list, the Python sources, includes for the sdist. */
    @Test
    void aMixedProjectTakesCargosListAndTheProjectsFiles() throws Exception {
        Path root = dir.resolve("mixed");
        write(root, "Cargo.toml", "[package]\nname = \"mixed-native\"\n\n[lib]\nname = \"_native\"\n");
        write(root, "Cargo.lock", "# lock\n");
        write(root, "pyproject.toml", "[project]\nname = \"Mixed.Pkg\"\nreadme = \"README.md\"\n\n[tool.maturin]\n"
                + "python-source = \"python\"\n");
        write(root, "README.md", "# readme\n");
        write(root, "LICENSE", "MIT\n");
        write(root, "src/lib.rs", "");
        write(root, "python/mixpkg/__init__.py", "");
        write(root, "python/mixpkg/__pycache__/x.cpython-311.pyc", "");
        write(root, "assets/sdist-only.txt", "");
        write(root, "assets/secret.txt", "");
        CargoSources.Sources sources = new CargoSources.Sources(root, List.of(new CargoSources.LocalPackage(
                "mixed-native", root, List.of("Cargo.lock", "Cargo.toml", "Cargo.toml.orig", "LICENSE", "README.md",
                "pyproject.toml", "python/mixpkg/__init__.py", "src/lib.rs"), "README.md")));
        PyprojectFile pyproject = PyprojectFile.read(root.resolve("pyproject.toml"));

        Map<String, SdistLayout.SdistFile> files = SdistLayout.files(sources, pyproject,
                MaturinSettings.resolve(pyproject, MaturinSettings.NONE), List.of("assets/*.txt"),
                List.of("assets/secret.txt"), List.of(new LicenseFiles.LicenseFile("LICENSE", root.resolve("LICENSE"))));

        assertEquals(List.of("Cargo.lock", "Cargo.toml", "LICENSE", "README.md", "assets/sdist-only.txt",
                "pyproject.toml", "python/mixpkg/__init__.py", "src/lib.rs"), List.copyOf(files.keySet()));
        assertEquals("[package]\nname = \"mixed-native\"\nreadme = \"README.md\"\n\n[lib]\nname = \"_native\"\n",
                files.get("Cargo.toml").text());
        assertNull(files.get("pyproject.toml").text(), "a pyproject.toml at the root is taken as it is");
    }

    /** A workspace member with a path dependency: the workspace's layout, pyproject.toml moved to the root. */
    @Test
    void aWorkspaceMemberKeepsTheWorkspaceLayout() throws Exception {
        Path root = dir.resolve("ws");
        write(root, "Cargo.toml", "[workspace]\nmembers = [\"py\", \"common\"]\n");
        write(root, "Cargo.lock", "");
        write(root, "common/Cargo.toml", "[package]\nname = \"common\"\n");
        write(root, "common/src/lib.rs", "");
        write(root, "py/Cargo.toml", "[package]\nname = \"ws-py\"\n");
        write(root, "py/pyproject.toml", "[project]\nname = \"ws-py\"\nreadme = \"README.md\"\n\n[tool.maturin]\n"
                + "python-source = \"python\"\n");
        write(root, "py/README.md", "# ws\n");
        write(root, "py/src/lib.rs", "");
        write(root, "py/python/ws_py/__init__.py", "");
        CargoSources.Sources sources = new CargoSources.Sources(root, List.of(
                new CargoSources.LocalPackage("ws-py", root.resolve("py"), List.of("Cargo.toml", "Cargo.toml.orig",
                        "README.md", "pyproject.toml", "python/ws_py/__init__.py", "src/lib.rs"), "README.md"),
                new CargoSources.LocalPackage("common", root.resolve("common"), List.of("Cargo.toml",
                        "Cargo.toml.orig", "src/lib.rs"), null)));
        PyprojectFile pyproject = PyprojectFile.read(root.resolve("py/pyproject.toml"));

        Map<String, SdistLayout.SdistFile> files = SdistLayout.files(sources, pyproject,
                MaturinSettings.resolve(pyproject, MaturinSettings.NONE), List.of(), List.of(), List.of());

        assertEquals(List.of("Cargo.lock", "Cargo.toml", "README.md", "common/Cargo.toml", "common/src/lib.rs",
                "py/Cargo.toml", "py/README.md", "py/src/lib.rs", "pyproject.toml", "python/ws_py/__init__.py"),
                List.copyOf(files.keySet()));
        assertTrue(files.get("pyproject.toml").text().endsWith("manifest-path = \"py/Cargo.toml\"\n"
                + "python-source = \"python\"\n"), files.get("pyproject.toml").text());
        assertEquals(root.resolve("py/python/ws_py/__init__.py"), files.get("python/ws_py/__init__.py").source());
    }

    /**
     * A member whose path dependency lies outside the workspace: the archive's top stands for their common
     * directory, so the dependency's relative path still resolves; the workspace keeps only the members the sdist
     * holds, and loses default-members.
     */
    @Test
    void aPathDependencyOutsideTheWorkspaceKeepsItsRelativePath() throws Exception {
        Path ws = dir.resolve("ws");
        write(ws, "Cargo.toml", "[workspace]\nmembers = [\n    \"py\",\n    \"common\",\n    \"tool\",\n]\n"
                + "default-members = [\"py\"]\nresolver = \"2\"\n\n[workspace.package]\nversion = \"0.3.0\"\n");
        write(ws, "Cargo.lock", "");
        write(ws, "py/Cargo.toml", "[package]\nname = \"ws-py\"\n\n[dependencies]\nshared = { path = \"../../shared\" }\n");
        write(ws, "py/pyproject.toml", "[project]\nname = \"ws-py\"\nversion = \"0.3.0\"\n");
        write(ws, "py/src/lib.rs", "");
        write(ws, "common/Cargo.toml", "[package]\nname = \"common\"\n");
        write(ws, "common/src/lib.rs", "");
        write(dir, "shared/Cargo.toml", "[package]\nname = \"shared\"\n");
        write(dir, "shared/src/lib.rs", "");
        CargoSources.Sources sources = new CargoSources.Sources(ws, List.of(
                new CargoSources.LocalPackage("ws-py", ws.resolve("py"), List.of("Cargo.lock", "Cargo.toml",
                        "Cargo.toml.orig", "pyproject.toml", "src/lib.rs"), null),
                new CargoSources.LocalPackage("common", ws.resolve("common"), List.of("Cargo.toml", "src/lib.rs"), null),
                new CargoSources.LocalPackage("shared", dir.resolve("shared"), List.of("Cargo.toml", "src/lib.rs"),
                        null)));
        PyprojectFile pyproject = PyprojectFile.read(ws.resolve("py/pyproject.toml"));

        Map<String, SdistLayout.SdistFile> files = SdistLayout.files(sources, pyproject,
                MaturinSettings.resolve(pyproject, MaturinSettings.NONE), List.of(), List.of(), List.of());

        assertEquals(List.of("pyproject.toml", "shared/Cargo.toml", "shared/src/lib.rs", "ws/Cargo.lock",
                "ws/Cargo.toml", "ws/common/Cargo.toml", "ws/common/src/lib.rs", "ws/py/Cargo.toml",
                "ws/py/src/lib.rs"), List.copyOf(files.keySet()));
        assertEquals("[workspace]\nmembers = [\"py\", \"common\"]\nresolver = \"2\"\n\n[workspace.package]\n"
                + "version = \"0.3.0\"\n", files.get("ws/Cargo.toml").text());
        assertNull(files.get("ws/py/Cargo.toml").text(), "the dependency's path is left as it is");
        assertTrue(files.get("pyproject.toml").text().endsWith("manifest-path = \"ws/py/Cargo.toml\"\n"),
                files.get("pyproject.toml").text());
    }

    private static void write(Path root, String path, String text) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
