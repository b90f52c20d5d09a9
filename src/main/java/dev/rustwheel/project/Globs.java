package dev.rustwheel.project;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Glob patterns over a project tree, relative to its root: {@code *} and {@code ?} stay within one directory,
 * {@code **} crosses directories, {@code [abc]} and {@code {a,b}} as usual. The walk starts at the pattern's
 * literal leading directories, so {@code python/pkg/*.txt} never walks {@code target/}.
 */
public final class Globs {

    private Globs() {
    }

    /**
     * The regular files (or symbolic links to files inside the project) matching {@code pattern}, sorted.
     *
     * @param where the setting the pattern comes from, for messages
     */
    public static List<Path> files(ProjectPaths paths, String pattern, String where) throws ProjectException {
        String normalized = pattern.replace('\\', '/');
        if (normalized.startsWith("/") || Path.of(normalized.replace("*", "_").replace("?", "_")).isAbsolute()
                || List.of(normalized.split("/")).contains("..")) {
            throw ProjectException.userError(where + " = '" + pattern + "' points outside the project directory "
                    + paths.root() + ". Use a pattern relative to that directory, without '..'.", null);
        }
        Path start = paths.resolve(literalPrefix(normalized), where);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalized);
        List<Path> found = new ArrayList<>();
        try {
            for (Path file : tree(start, depth(normalized))) {
                if (matcher.matches(paths.root().relativize(file)) && isFile(paths, file, where, pattern)) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            throw ProjectException.toolFailure("Cannot list the files matching " + where + " = '" + pattern + "': "
                    + e.getMessage(), e);
        }
        found.sort(null);
        return found;
    }

    /** Every regular file under {@code directory}, sorted; links inside the project are fine, others refused. */
    public static List<Path> walk(ProjectPaths paths, Path directory, String where) throws ProjectException {
        List<Path> found = new ArrayList<>();
        try {
            for (Path file : tree(directory, Integer.MAX_VALUE)) {
                if (isFile(paths, file, where, ProjectPaths.relative(paths.root(), directory))) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            throw ProjectException.toolFailure("Cannot list " + directory + " for " + where + ": " + e.getMessage(), e);
        }
        found.sort(null);
        return found;
    }

    /**
     * {@code start} and every path below it, down to {@code depth} levels, symbolic links not followed (as
     * {@code Files.walk} lists them). A visitor rather than {@code Files.walk}'s stream, whose lambdas cost every
     * goal that looks for license or Python files their classes.
     */
    private static List<Path> tree(Path start, int depth) throws IOException {
        Lister lister = new Lister();
        Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), depth, lister);
        return lister.paths;
    }

    private static final class Lister extends SimpleFileVisitor<Path> {

        final List<Path> paths = new ArrayList<>();

        @Override
        public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
            paths.add(directory);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            paths.add(file);
            return FileVisitResult.CONTINUE;
        }
    }

    private static boolean isFile(ProjectPaths paths, Path file, String where, String pattern) throws ProjectException {
        if (Files.isSymbolicLink(file)) {
            paths.requireInside(file, where + " = '" + pattern + "'");
            return Files.isRegularFile(file);
        }
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * How many directories below {@link #literalPrefix} a match can lie: without {@code **} (or braces, whose
     * alternatives may hold slashes) every segment matches one path element, so the walk stops there. The default
     * license patterns would otherwise walk cargo's whole target directory inside the project on every goal.
     */
    static int depth(String pattern) {
        if (pattern.contains("**") || pattern.contains("{")) {
            return Integer.MAX_VALUE;
        }
        String prefix = literalPrefix(pattern);
        return pattern.split("/").length - (prefix.equals(".") ? 0 : prefix.split("/").length);
    }

    /** The leading path segments without glob characters: where the walk can start. */
    static String literalPrefix(String pattern) {
        String[] segments = pattern.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < segments.length - 1; i++) {
            if (segments[i].matches(".*[*?\\[\\]{}].*")) {
                break;
            }
            prefix.append(prefix.isEmpty() ? "" : "/").append(segments[i]);
        }
        return prefix.isEmpty() ? "." : prefix.toString();
    }
}
