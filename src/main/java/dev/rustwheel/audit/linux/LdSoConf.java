package dev.rustwheel.audit.linux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The library directories {@code /etc/ld.so.conf} lists, following its {@code include} lines (glob patterns,
 * relative ones against the including file's directory) as ldconfig does. Absolute paths are taken under
 * {@code root}, so a test can point the reader at a tree of its own. A missing file lists nothing.
 */
final class LdSoConf {

    /** What the regular expression {@code \s} matches. */
    private static final String WHITESPACE = " \t\n\u000B\f\r";
    private static final String DIRECTORY_SEPARATORS = ":," + WHITESPACE;

    private LdSoConf() {
    }

    static List<Path> read(Path root, String confFile) throws IOException {
        List<Path> directories = new ArrayList<>();
        read(root, under(root, confFile), directories, new HashSet<>());
        return List.copyOf(directories);
    }

    private static void read(Path root, Path file, List<Path> directories, Set<Path> visited) throws IOException {
        if (!Files.isRegularFile(file) || !visited.add(file.toAbsolutePath().normalize())) {
            return; // an include cycle would loop forever; ldconfig reads each file once too
        }
        for (String rawLine : Files.readAllLines(file)) {
            int comment = rawLine.indexOf('#');
            String line = (comment >= 0 ? rawLine.substring(0, comment) : rawLine).trim();
            if (line.isEmpty() || line.startsWith("hwcap ")) {
                continue;
            }
            if (line.startsWith("include ") || line.startsWith("include\t")) {
                for (String pattern : words(line.substring("include".length()), WHITESPACE)) {
                    Path base = pattern.startsWith("/") ? root : file.getParent();
                    for (Path included : glob(base, pattern.startsWith("/") ? pattern.substring(1) : pattern)) {
                        read(root, included, directories, visited);
                    }
                }
                continue;
            }
            // ldconfig also accepts ':', ',' and whitespace between directories on one line
            for (String entry : words(line, DIRECTORY_SEPARATORS)) {
                if (entry.startsWith("/")) {
                    directories.add(under(root, entry));
                }
            }
        }
    }

    /** Files matching {@code pattern} below {@code base}; only its last component may hold wildcards. */
    private static List<Path> glob(Path base, String pattern) throws IOException {
        Path full = base.resolve(pattern);
        Path directory = full.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, full.getFileName().toString())) {
            for (Path entry : entries) {
                matches.add(entry);
            }
        }
        matches.sort(null); // glob(3) returns sorted names, so the order of directories is stable
        return matches;
    }

    static Path under(Path root, String absolute) {
        int relative = 0;
        while (relative < absolute.length() && absolute.charAt(relative) == '/') {
            relative++;
        }
        return root.resolve(absolute.substring(relative));
    }

    /**
     * The non-empty runs of {@code text} between any of {@code separators}. Split by hand, not by a regular
     * expression: compiling and running one costs a cold JVM more than the rest of reading these files.
     */
    static List<String> words(String text, String separators) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || separators.indexOf(text.charAt(i)) >= 0) {
                if (i > start) {
                    words.add(text.substring(start, i));
                }
                start = i + 1;
            }
        }
        return words;
    }
}
