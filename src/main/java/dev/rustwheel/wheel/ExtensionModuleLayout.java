package dev.rustwheel.wheel;

import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The payload of a wheel whose whole Python side is one native extension module, laid out as maturin's "pure"
 * layout: a package directory {@code <module>/} holding the module as {@code <module><EXT_SUFFIX>} and an
 * {@code __init__.py} that re-exports it, so {@code import <module>} finds the package and sees the module's names.
 */
public final class ExtensionModuleLayout {

    private ExtensionModuleLayout() {
    }

    /** @param extSuffix the target interpreter's {@code EXT_SUFFIX}, e.g. {@code .cpython-311-x86_64-linux-gnu.so} */
    public static List<WheelEntry> entries(String module, String extSuffix, EntryContent library) {
        return List.of(
                new WheelEntry(modulePath(module, extSuffix), library, true),
                new WheelEntry(module + "/__init__.py", EntryContent.ofBytes(initPy(module)), false));
    }

    /** Where the native module goes in the archive. */
    public static String modulePath(String module, String extSuffix) {
        return module + "/" + module + extSuffix;
    }

    private static byte[] initPy(String module) {
        return ("from ." + module + " import *\n"
                + "\n"
                + "__doc__ = " + module + ".__doc__\n"
                + "if hasattr(" + module + ", \"__all__\"):\n"
                + "    __all__ = " + module + ".__all__").getBytes(StandardCharsets.UTF_8); // no final newline, as maturin
    }

}
