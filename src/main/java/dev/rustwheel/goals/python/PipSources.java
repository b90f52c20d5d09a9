package dev.rustwheel.goals.python;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where pip may look for what it installs: the module's wheelhouse (wheels of the modules it depends on) always,
 * the package index only when Maven is online.
 */
final class PipSources {

    private PipSources() {
    }

    static List<String> arguments(Path wheelhouse, boolean offline) {
        List<String> arguments = new ArrayList<>();
        if (offline) {
            arguments.add("--no-index");
        }
        if (wheelhouse != null && Files.isDirectory(wheelhouse)) {
            arguments.add("--find-links");
            arguments.add(wheelhouse.toString());
        }
        return arguments;
    }
}
