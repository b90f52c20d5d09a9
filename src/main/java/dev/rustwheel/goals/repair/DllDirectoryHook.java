package dev.rustwheel.goals.repair;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines a Windows wheel's top-level {@code __init__.py} needs so that Python finds the DLLs bundled in
 * {@code <dist>.libs} (Python 3.8+ no longer searches PATH for an extension's dependencies): an
 * {@code os.add_dll_directory} call for that directory, inserted after the docstring and any
 * {@code from __future__} imports, which must come first.
 */
final class DllDirectoryHook {

    private DllDirectoryHook() {
    }

    static String insert(String init, String libsDirectory) {
        String hook = "\n\ndef _rustwheel_add_dll_directory():\n"
                + "    import os\n"
                + "    libs = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, '" + libsDirectory + "')\n"
                + "    if os.path.isdir(libs) and hasattr(os, 'add_dll_directory'):\n"
                + "        os.add_dll_directory(os.path.normpath(libs))\n\n\n"
                + "_rustwheel_add_dll_directory()\n"
                + "del _rustwheel_add_dll_directory\n\n\n";
        List<String> lines = new ArrayList<>(init.lines().toList());
        int after = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("from __future__ import")) {
                after = i + 1;
            }
        }
        if (after == 0 && !lines.isEmpty() && (lines.get(0).startsWith("\"\"\"") || lines.get(0).startsWith("'''"))) {
            after = endOfDocstring(lines);
        }
        List<String> result = new ArrayList<>(lines.subList(0, after));
        result.add(hook.strip() + "\n");
        result.addAll(lines.subList(after, lines.size()));
        return String.join("\n", result) + "\n";
    }

    /** The line after a docstring that starts on the first line. */
    private static int endOfDocstring(List<String> lines) {
        String quote = lines.get(0).substring(0, 3);
        if (lines.get(0).length() > 3 && lines.get(0).indexOf(quote, 3) >= 0) {
            return 1;
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).contains(quote)) {
                return i + 1;
            }
        }
        return 0;
    }
}
