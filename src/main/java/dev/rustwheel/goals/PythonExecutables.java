package dev.rustwheel.goals;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The interpreters a build is configured for: the {@code pythonExecutables} list where it names any, else the one
 * {@code pythonExecutable}. The first is the one cargo builds for.
 */
public final class PythonExecutables {

    private PythonExecutables() {
    }

    /** @return the distinct non-blank names, in the order given; never empty */
    public static List<String> configured(List<String> executables, String executable) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        if (executables != null) {
            for (String name : executables) {
                if (name != null && !name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names.isEmpty() ? List.of(executable) : List.copyOf(names);
    }
}
