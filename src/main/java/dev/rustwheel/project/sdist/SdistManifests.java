package dev.rustwheel.project.sdist;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edits maturin makes to manifests it puts into a source distribution, as text edits that keep the user's
 * formatting and comments: a readme cargo found by itself is named in {@code [package]}, and a
 * {@code pyproject.toml} moved to the workspace root points {@code [tool.maturin] manifest-path} at the crate, and a
 * workspace's {@code members} keep only the crates the sdist holds.
 */
public final class SdistManifests {

    private static final Pattern TABLE_HEADER = Pattern.compile("^\\s*\\[.*");
    private static final Pattern BLANK = Pattern.compile("^\\s*(#.*)?$");
    private static final Pattern KEY = Pattern.compile("^\\s*([A-Za-z0-9_-]+)\\s*=.*");
    /** A TOML basic or literal string, as workspace members are written. */
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'");

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

    /**
     * Keeps in {@code [workspace] members} only the entries naming one of {@code kept} (directories relative to the
     * workspace root; a glob entry stays when it matches one), written on one line as maturin's TOML editor writes
     * a new array; no entry left removes the key, and an emptied {@code [workspace]} table goes too.
     * {@code default-members} is removed: it may name crates the sdist leaves out, and without it every member is a
     * default one.
     */
    public static String withWorkspaceMembers(String cargoToml, Collection<String> kept) {
        List<String> lines = new ArrayList<>(cargoToml.lines().toList());
        int start = header(lines, "workspace");
        if (start < 0) {
            return cargoToml;
        }
        int end = end(lines, start);
        List<String> members = null;
        int membersAt = -1;
        for (int i = start + 1; i < end; i++) {
            String key = key(lines.get(i));
            if (!"members".equals(key) && !"default-members".equals(key)) {
                continue;
            }
            int last = arrayEnd(lines, i);
            if (key.equals("members")) {
                members = strings(String.join("\n", lines.subList(i, last + 1)));
                membersAt = i;
            }
            lines.subList(i, last + 1).clear();
            end -= last + 1 - i;
            i--;
        }
        if (members != null) {
            List<String> keep = members.stream().filter(member -> names(member, kept)).toList();
            if (!keep.isEmpty()) {
                lines.add(membersAt, "members = [" + String.join(", ", keep.stream().map(
                        SdistManifests::tomlString).toList()) + "]");
                end++;
            }
        }
        if (lastKey(lines, start, end) == start) {
            lines.subList(start, end).clear();
        }
        return join(lines, cargoToml);
    }

    /**
     * Sets {@code [project] version}, so that a build of the sdist makes the version its PKG-INFO names: the
     * {@code version} key replaced, or added after {@code name}; {@code "version"} taken out of {@code dynamic}.
     *
     * @return the edited text, or empty where there is no {@code [project]} table to hold the version
     */
    public static Optional<String> withProjectVersion(String pyproject, String version) {
        List<String> lines = new ArrayList<>(pyproject.lines().toList());
        int start = header(lines, "project");
        if (start < 0) {
            return Optional.empty();
        }
        int end = end(lines, start);
        int versionAt = -1;
        int nameAt = -1;
        for (int i = start + 1; i < end; i++) {
            String key = key(lines.get(i));
            if ("name".equals(key)) {
                nameAt = i;
            } else if ("version".equals(key)) {
                versionAt = i;
            } else if ("dynamic".equals(key)) {
                int last = arrayEnd(lines, i);
                List<String> dynamic = strings(String.join("\n", lines.subList(i, last + 1)));
                if (!dynamic.contains("version")) {
                    continue;
                }
                lines.subList(i, last + 1).clear();
                end -= last + 1 - i;
                List<String> left = dynamic.stream().filter(field -> !field.equals("version")).toList();
                if (!left.isEmpty()) {
                    lines.add(i, "dynamic = [" + String.join(", ", left.stream().map(SdistManifests::tomlString)
                            .toList()) + "]");
                    end++;
                } else {
                    i--;
                }
            }
        }
        String entry = "version = " + tomlString(version);
        if (versionAt >= 0) {
            lines.set(versionAt, entry);
        } else {
            lines.add((nameAt >= 0 ? nameAt : lastKey(lines, start, end)) + 1, entry);
        }
        return Optional.of(join(lines, pyproject));
    }

    private static boolean names(String member, Collection<String> kept) {
        if (member.chars().noneMatch(c -> "*?[]".indexOf(c) >= 0)) {
            return kept.contains(member);
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + member);
        return kept.stream().anyMatch(dir -> glob.matches(Path.of(dir)));
    }

    /** The key a line sets, or null. */
    private static String key(String line) {
        Matcher matcher = KEY.matcher(line);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** The line on which the array value starting on line {@code at} closes. */
    private static int arrayEnd(List<String> lines, int at) {
        int depth = 0;
        for (int i = at; i < lines.size(); i++) {
            String line = STRING.matcher(lines.get(i)).replaceAll("\"\"");
            int comment = line.indexOf('#');
            for (char c : (comment >= 0 ? line.substring(0, comment) : line).toCharArray()) {
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            }
            if (depth <= 0) {
                return i;
            }
        }
        return lines.size() - 1;
    }

    private static List<String> strings(String array) {
        String value = array.substring(array.indexOf('=') + 1);
        List<String> strings = new ArrayList<>();
        Matcher matcher = STRING.matcher(value.replaceAll("(?m)#.*$", ""));
        while (matcher.find()) {
            strings.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return strings;
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
