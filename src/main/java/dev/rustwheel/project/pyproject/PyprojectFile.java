package dev.rustwheel.project.pyproject;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustwheel.json.JsonTrees;
import dev.rustwheel.project.ProjectException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A project's {@code pyproject.toml}, read once: its {@code [project]} table (PEP 621) and {@code [tool.maturin]}
 * table. A file that does not exist reads as empty tables, so a plain crate builds without one.
 */
public final class PyprojectFile {

    private final Path file;
    private final TomlTable project;
    private final TomlTable maturin;

    private PyprojectFile(Path file, JsonNode root) {
        this.file = file;
        this.project = new TomlTable(file, "project", root == null ? null : root.get("project"));
        this.maturin = new TomlTable(file, "tool.maturin", root == null ? null : root.path("tool").get("maturin"));
    }

    public static PyprojectFile read(Path file) throws ProjectException {
        if (file == null || !Files.isRegularFile(file)) {
            return new PyprojectFile(file, null);
        }
        try {
            return new PyprojectFile(file, JsonTrees.toml(file));
        } catch (IOException e) {
            throw ProjectException.userError("Cannot read " + file + ": " + e.getMessage()
                    + ". Fix the TOML syntax, or remove the file to take name and version from Cargo.toml.", e);
        }
    }

    public TomlTable project() {
        return project;
    }

    public TomlTable maturin() {
        return maturin;
    }

    /** The directory the project's relative paths start from: the file's own, whether or not it exists. */
    public Path projectDirectory() {
        return file.toAbsolutePath().getParent();
    }
}
