package dev.rustwheel.project.sdist;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The edits maturin makes to manifests it puts into a source distribution, as text edits that keep the user's
 * formatting and comments: a readme cargo found by itself is named in {@code [package]}, and a
 * {@code pyproject.toml} moved to the workspace root points {@code [tool.maturin] manifest-path} at the crate.
 */
public final class SdistManifests {

    private static final Pattern TABLE_HEADER = Pattern.compile("^\\s*\\[.*");
    private static final Pattern BLANK = Pattern.compile("^\\s*(#.*)?$");

    private SdistManifests() {
    }

    /** Adds {@code readme = "<readme>"} as the last key of {@code [package]} unless it sets one already. */
    public static String withReadme(String cargoToml, String readme) {
        List<String> lines = new ArrayList<>(cargoToml.lines().toList());
        int start = header(lines, "package");
        if (start < 0) {
            return cargoToml;
        }
        int end = end(lines, start);
        for (int i = start + 1; i < end; i++) {
            if (lines.get(i).trim().startsWith("readme")) {
                return cargoToml;
            }
        }
        lines.add(lastKey(lines, start, end) + 1, "readme = " + tomlString(readme));
        return join(lines, cargoToml);
    }

    /**
     * Points {@code [tool.maturin] manifest-path} at the crate, the key added last but for {@code python-source},
     * which maturin moves after it; a pyproject without the table gets one.
     */
    public static String withManifestPath(String pyproject, String manifestPath) {
        List<String> lines = new ArrayList<>(pyproject.lines().toList());
        String entry = "manifest-path = " + tomlString(manifestPath);
        int start = header(lines, "tool.maturin");
        if (start < 0) {
            String separator = pyproject.endsWith("\n") ? "\n" : "\n\n";
            return pyproject + separator + "[tool]\n\n[tool.maturin]\n" + entry + "\n";
        }
        int end = end(lines, start);
        String pythonSource = null;
        for (int i = start + 1; i < end; i++) {
            String key = lines.get(i).trim();
            if (key.startsWith("manifest-path") || key.startsWith("python-source")) {
                if (key.startsWith("python-source")) {
                    pythonSource = key;
                }
                lines.remove(i--);
                end--;
            }
        }
        int at = lastKey(lines, start, end) + 1;
        lines.add(at, entry);
        if (pythonSource != null) {
            lines.add(at + 1, pythonSource);
        }
        return join(lines, pyproject);
    }

    private static int header(List<String> lines, String table) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("[" + table + "]")) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the next table header after {@code start}, or the end. */
    private static int end(List<String> lines, int start) {
        for (int i = start + 1; i < lines.size(); i++) {
            if (TABLE_HEADER.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return lines.size();
    }

    /** The last line of the table that is neither blank nor a comment (the header if there is none). */
    private static int lastKey(List<String> lines, int start, int end) {
        int last = start;
        for (int i = start + 1; i < end; i++) {
            if (!BLANK.matcher(lines.get(i)).matches()) {
                last = i;
            }
        }
        return last;
    }

    private static String join(List<String> lines, String original) {
        return String.join("\n", lines) + (original.endsWith("\n") ? "\n" : "");
    }

    static String tomlString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
