package dev.rustwheel.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtensionModuleLayoutTest {

    @Test
    void packageDirectoryHoldsTheModuleAndAReExportingInit() throws Exception {
        List<WheelEntry> entries = ExtensionModuleLayout.entries("fastparse", ".cpython-311-x86_64-linux-gnu.so",
                EntryContent.ofBytes(new byte[] {1, 2, 3}));

        assertEquals(List.of("fastparse/fastparse.cpython-311-x86_64-linux-gnu.so", "fastparse/__init__.py"),
                entries.stream().map(WheelEntry::path).toList());
        assertTrue(entries.get(0).executable());
        assertFalse(entries.get(1).executable());
        ByteArrayOutputStream init = new ByteArrayOutputStream();
        entries.get(1).content().writeTo(init);
        assertEquals("""
                from .fastparse import *

                __doc__ = fastparse.__doc__
                if hasattr(fastparse, "__all__"):
                    __all__ = fastparse.__all__""", init.toString(StandardCharsets.UTF_8));
    }
}
