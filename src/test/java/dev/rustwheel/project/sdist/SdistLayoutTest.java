package dev.rustwheel.project.sdist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.cargo.CargoSources;
import dev.rustwheel.project.ProjectException;
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

    @Test
    void refusesAPathDependencyOutsideTheWorkspace() throws Exception {
        Path root = dir.resolve("crate");
        write(root, "Cargo.toml", "[package]\nname = \"a\"\n");
        CargoSources.Sources sources = new CargoSources.Sources(root, List.of(
                new CargoSources.LocalPackage("a", root, List.of("Cargo.toml"), null),
                new CargoSources.LocalPackage("shared", dir.resolve("elsewhere"), List.of("Cargo.toml"), null)));
        ProjectException e = assertThrows(ProjectException.class, () -> SdistLayout.files(sources,
                PyprojectFile.read(root.resolve("pyproject.toml")), MaturinSettings.NONE, List.of(), List.of(),
                List.of()));
        assertTrue(e.getMessage().contains("The path dependency shared"), e.getMessage());
    }

    private static void write(Path root, String path, String text) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
