package dev.rustwheel.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CffiModuleLayoutTest {

    @Test
    void theLibraryItsDeclarationsAndMaturinsGlueGoIntoOnePackage() throws Exception {
        List<WheelEntry> entries = CffiModuleLayout.entries("demo/demo", "libdemo.so",
                EntryContent.ofBytes(new byte[] {1}), "ffi = 1\n".getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("demo/demo/libdemo.so", "demo/demo/__init__.py", "demo/demo/ffi.py"),
                entries.stream().map(WheelEntry::path).toList());
        assertEquals(List.of(true, false, false), entries.stream().map(WheelEntry::executable).toList());
        // maturin's __init__.py, byte for byte, so both tools' wheels hold the same file
        assertEquals("""
                __all__ = ["lib", "ffi"]

                import os
                from .ffi import ffi

                lib = ffi.dlopen(os.path.join(os.path.dirname(__file__), 'libdemo.so'))
                del os
                """, text(entries.get(1)));
        assertEquals("ffi = 1\n", text(entries.get(2)));
    }

    @Test
    void theLibraryIsNamedAfterTheModuleAsThePlatformNamesLibraries() {
        assertEquals("libdemo.so", CffiModuleLayout.libraryFileName("demo", "libdemo_crate.so"));
        assertEquals("libdemo.dylib", CffiModuleLayout.libraryFileName("demo", "libdemo_crate.dylib"));
        assertEquals("demo.dll", CffiModuleLayout.libraryFileName("demo", "demo_crate.dll"));
    }

    private static String text(WheelEntry entry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entry.content().writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
