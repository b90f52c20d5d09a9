package dev.rustwheel.wheel;

import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The payload of cffi bindings, laid out as maturin lays them out: a package directory holding the crate's shared
 * library, the {@code ffi.py} that cffi generated from the crate's C header, and an {@code __init__.py} that opens
 * the library through it as {@code lib}, so {@code from <module> import ffi, lib} works.
 */
public final class CffiModuleLayout {

    private CffiModuleLayout() {
    }

    /**
     * @param directory       the package directory in the wheel ({@code demo}, or {@code demo/demo} beside a Python
     *                        package of the same name)
     * @param libraryFileName the library's name in the package, {@link #libraryFileName}
     * @param declarations    the bytes of {@code ffi.py}
     */
    public static List<WheelEntry> entries(String directory, String libraryFileName, EntryContent library,
                                           byte[] declarations) {
        return List.of(
                new WheelEntry(directory + "/" + libraryFileName, library, true),
                new WheelEntry(directory + "/__init__.py", EntryContent.ofBytes(initPy(libraryFileName)), false),
                new WheelEntry(directory + "/ffi.py", EntryContent.ofBytes(declarations), false));
    }

    /**
     * The library's file name in the wheel, named after the module as the platform names shared libraries
     * ({@code libdemo.so}, {@code libdemo.dylib}, {@code demo.dll}); the platform is read off cargo's file name.
     */
    public static String libraryFileName(String module, String cargoFileName) {
        if (cargoFileName.endsWith(".dll")) {
            return module + ".dll";
        }
        return "lib" + module + (cargoFileName.endsWith(".dylib") ? ".dylib" : ".so");
    }

    /** maturin's glue, byte for byte. */
    private static byte[] initPy(String libraryFileName) {
        return ("__all__ = [\"lib\", \"ffi\"]\n"
                + "\n"
                + "import os\n"
                + "from .ffi import ffi\n"
                + "\n"
                + "lib = ffi.dlopen(os.path.join(os.path.dirname(__file__), '" + libraryFileName + "'))\n"
                + "del os\n").getBytes(StandardCharsets.UTF_8);
    }
}
