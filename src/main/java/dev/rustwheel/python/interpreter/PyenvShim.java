package dev.rustwheel.python.interpreter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pyenv shim: a script that starts whichever interpreter pyenv selects at the moment it runs. The selection is
 * made, in pyenv's order, from {@code PYENV_VERSION}, else the first {@code .python-version} file in
 * {@code PYENV_DIR} (default: the working directory) or a parent of it, else {@code $PYENV_ROOT/version}; a
 * version prefix such as {@code 3.11} picks the latest installed match, and {@code system} the next interpreter
 * on {@code PATH}. {@link #selection} spells all of that out, so that a probe's answer can be kept for as long as
 * none of it changes.
 */
final class PyenvShim {

    /** The line every shim pyenv writes carries, naming its root; read from the first few KiB of the script. */
    private static final Pattern ROOT = Pattern.compile("(?m)^export PYENV_ROOT=\"([^\"]+)\"$");
    private static final Pattern EXEC = Pattern.compile("(?m)^exec \"[^\"]*pyenv[^\"]*\" exec \"\\$program\" \"\\$@\"$");
    private static final int HEAD = 4096;

    private final Path root;

    private PyenvShim(Path root) {
        this.root = root;
    }

    /** The shim {@code script} is, or empty when it is not a pyenv shim (an unknown wrapper is probed each time). */
    static Optional<PyenvShim> of(Path script) throws IOException {
        String head;
        try (InputStream in = Files.newInputStream(script)) {
            head = new String(in.readNBytes(HEAD), StandardCharsets.UTF_8);
        }
        Matcher root = ROOT.matcher(head);
        return root.find() && EXEC.matcher(head).find() ? Optional.of(new PyenvShim(Path.of(root.group(1))))
                : Optional.empty();
    }

    /**
     * Everything pyenv reads to choose the interpreter, as text: its variables and {@code PATH}, the version files
     * from {@code workingDirectory} (and {@code PYENV_DIR}) up to the root, the global version file and the
     * installed versions. Two equal selections choose the same installed version.
     */
    String selection(Path workingDirectory, Map<String, String> environment) throws IOException {
        StringBuilder text = new StringBuilder("root=").append(root);
        Map<String, String> variables = new TreeMap<>();
        // loops rather than lambdas: compile and package key their kept answer by this on every build
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            if (variable.getKey().startsWith("PYENV") || variable.getKey().equals("PATH")) {
                variables.put(variable.getKey(), variable.getValue());
            }
        }
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            text.append('\n').append(variable.getKey()).append('=').append(variable.getValue());
        }
        versionFiles(text, workingDirectory.toAbsolutePath().normalize());
        String pyenvDir = environment.get("PYENV_DIR");
        if (pyenvDir != null && !pyenvDir.isEmpty()) {
            versionFiles(text, Path.of(pyenvDir).toAbsolutePath().normalize());
        }
        text.append('\n').append(versionFile(root.resolve("version")));
        Path versions = root.resolve("versions");
        if (Files.isDirectory(versions)) {
            List<String> names = new ArrayList<>();
            try (DirectoryStream<Path> installed = Files.newDirectoryStream(versions)) {
                for (Path version : installed) {
                    names.add(version.getFileName().toString());
                }
            }
            Collections.sort(names);
            for (String name : names) {
                text.append("\ninstalled ").append(name);
            }
        }
        return text.toString();
    }

    private static void versionFiles(StringBuilder text, Path directory) throws IOException {
        for (Path dir = directory; dir != null; dir = dir.getParent()) {
            text.append('\n').append(versionFile(dir.resolve(".python-version")));
        }
    }

    private static String versionFile(Path file) throws IOException {
        return file + (Files.isRegularFile(file) ? " = " + Files.readString(file, StandardCharsets.UTF_8).strip()
                : " absent");
    }
}
