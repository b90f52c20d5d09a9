package dev.rustwheel.project;

import dev.rustwheel.project.pyproject.PyprojectFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where a maturin project keeps its crate and its Python sources when no setting says, detected as maturin
 * detects them. Beside the classic layout (Cargo.toml next to pyproject.toml) maturin knows the "Python first"
 * src layout: pyproject.toml at the top, the crate in {@code rust/} (or wherever {@code [tool.maturin]
 * manifest-path} points, a workspace member say) and the Python package under {@code src/}.
 */
public final class SourceLayout {

    private SourceLayout() {
    }

    /**
     * The crate's Cargo.toml: {@code configured} where the POM sets it; else {@code [tool.maturin] manifest-path}
     * (relative to pyproject.toml); else {@code rust/Cargo.toml} for the src layout; else the project's own
     * {@code Cargo.toml}, whether or not it exists (cargo's locator then says where it looked).
     *
     * @param projectDirectory the directory of pyproject.toml and of the Maven module
     */
    public static Path manifestPath(Path projectDirectory, Path configured) throws ProjectException {
        if (configured != null) {
            return configured.toAbsolutePath();
        }
        Path directory = projectDirectory.toAbsolutePath().normalize();
        PyprojectFile pyproject = PyprojectFile.read(directory.resolve("pyproject.toml"));
        String manifest = pyproject.maturin().string("manifest-path");
        if (manifest != null) {
            return directory.resolve(manifest).normalize();
        }
        Path rust = directory.resolve("rust").resolve("Cargo.toml");
        if (Files.isRegularFile(rust) && (pyproject.maturin().has("python-source")
                || pythonUnderSrc(directory, pyproject))) {
            return rust;
        }
        return directory.resolve("Cargo.toml");
    }

    /**
     * {@code src} where the project uses the src layout and sets no {@code python-source}: a crate in
     * {@code rust/} and the project's package (named after {@code [project] name}) or one of its
     * {@code python-packages} under {@code src/}; else null, for the project directory.
     */
    public static String detectedPythonSource(PyprojectFile pyproject) throws ProjectException {
        Path directory = pyproject.projectDirectory();
        if (Files.isRegularFile(directory.resolve("rust").resolve("Cargo.toml")) && pythonUnderSrc(directory, pyproject)) {
            return "src";
        }
        return null;
    }

    private static boolean pythonUnderSrc(Path directory, PyprojectFile pyproject) throws ProjectException {
        String name = pyproject.project().string("name");
        if (name == null) {
            return false;
        }
        Set<String> packages = new LinkedHashSet<>();
        packages.add(name.replace('-', '_'));
        if (pyproject.maturin().has("python-packages")) {
            packages.addAll(pyproject.maturin().strings("python-packages"));
        }
        Path src = directory.resolve("src");
        return packages.stream().anyMatch(p -> Files.isRegularFile(src.resolve(p).resolve("__init__.py")));
    }
}
