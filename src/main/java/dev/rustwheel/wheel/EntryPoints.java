package dev.rustwheel.wheel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code entry_points.txt} file: {@code [console_scripts]}, {@code [gui_scripts]} and any other group, one
 * {@code name = object reference} line per entry point, groups and names in the order they were declared.
 */
public final class EntryPoints {

    public static final String FILE_NAME = "entry_points.txt";

    /** {@code module.sub:attr.sub [extra]}, as the entry points specification defines object references. */
    private static final Pattern OBJECT_REFERENCE = Pattern.compile(
            "[A-Za-z_][\\w]*(\\.[A-Za-z_][\\w]*)*(\\s*:\\s*[A-Za-z_][\\w]*(\\.[A-Za-z_][\\w]*)*)?(\\s*\\[[^\\]]*\\])?");
    private static final Pattern GROUP = Pattern.compile("[\\w.-]+");
    private static final Pattern NAME = Pattern.compile("[^\\s=\\[\\]]+(?:\\s+[^\\s=\\[\\]]+)*");

    private final Map<String, Map<String, String>> groups = new LinkedHashMap<>();

    /** @throws IllegalArgumentException naming the group, the entry point and what is wrong with it */
    public EntryPoints add(String group, String name, String reference) {
        if (!GROUP.matcher(group).matches()) {
            throw new IllegalArgumentException("entry point group '" + group + "' may only hold letters, digits,"
                    + " '_', '-' and '.'");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("entry point name '" + name + "' in group '" + group
                    + "' must not contain '=', '[', ']' or surrounding spaces");
        }
        if (!OBJECT_REFERENCE.matcher(reference.strip()).matches()) {
            throw new IllegalArgumentException("entry point '" + name + "' = '" + reference + "' in group '" + group
                    + "' is not an object reference; write it as package.module:function");
        }
        if (groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(name, reference.strip()) != null) {
            throw new IllegalArgumentException("entry point '" + name + "' is declared twice in group '" + group + "'");
        }
        return this;
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** The names of the {@code console_scripts} and {@code gui_scripts} entry points, which become commands. */
    public List<String> scriptNames() {
        return groups.entrySet().stream()
                .filter(g -> g.getKey().equals("console_scripts") || g.getKey().equals("gui_scripts"))
                .flatMap(g -> g.getValue().keySet().stream()).toList();
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        // maturin's spelling: no spaces around '=', no blank line between groups
        groups.forEach((group, entries) -> {
            out.append('[').append(group).append("]\n");
            entries.forEach((name, reference) -> out.append(name).append('=').append(reference).append('\n'));
        });
        return out.toString();
    }
}
