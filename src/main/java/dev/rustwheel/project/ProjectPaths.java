package dev.rustwheel.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Resolves the relative paths a configuration names (readme, license files, python-source, data, includes)
 * inside the project directory, and refuses any that lead out of it, by {@code ..}, by an absolute path or through
 * a symbolic link, so that a build cannot pack files from elsewhere on the machine into a wheel.
 */
public final class ProjectPaths {

    private final Path root;
    private final Path realRoot;

    public ProjectPaths(Path root) {
        this.root = root.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.root.toRealPath();
        } catch (IOException e) {
            real = this.root;
        }
        this.realRoot = real;
    }

    public Path root() {
        return root;
    }

    /**
     * @param where the setting, as {@code pyproject.toml: [project] readme}, for the error message
     * @throws ProjectException when {@code relative} leads outside the project directory
     */
    public Path resolve(String relative, String where) throws ProjectException {
        Path given = Path.of(relative);
        Path resolved = root.resolve(given).normalize();
        if (given.isAbsolute() || !resolved.startsWith(root)) {
            throw ProjectException.userError(where + " = '" + relative + "' points outside the project directory "
                    + root + ". Use a path relative to that directory, inside it.", null);
        }
        requireInside(resolved, where + " = '" + relative + "'");
        return resolved;
    }

    /** Refuses a path that exists inside the tree but, through a symbolic link, is really somewhere else. */
    void requireInside(Path path, String what) throws ProjectException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw ProjectException.userError(what + ": " + path + " is a broken symbolic link. Remove it or point it at"
                    + " a file inside " + root + ".", e);
        }
        if (!real.startsWith(realRoot)) {
            throw ProjectException.userError(what + ": " + path + " is a symbolic link to " + real + ", outside the"
                    + " project directory " + root + ". Copy the file into the project instead of linking to it.",
                    null);
        }
    }

    /** {@code /`-separated path of {@code file} relative to {@code base}, as archive paths are written. */
    public static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }
}
