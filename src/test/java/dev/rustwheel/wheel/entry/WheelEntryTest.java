package dev.rustwheel.wheel.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WheelEntryTest {

    private static final EntryContent EMPTY = EntryContent.ofBytes(new byte[0]);

    @Test
    void storesRegularFileModes() {
        assertEquals(0100644, new WheelEntry("pkg/__init__.py", EMPTY, false).unixMode());
        assertEquals(0100755, new WheelEntry("pkg-1.0.data/scripts/run", EMPTY, true).unixMode());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "/etc/passwd", "pkg/", "../evil.py", "pkg/../../evil.py", "pkg/./a.py", "pkg//a.py", "pkg\\a.py",
        "pkg/a\n.py", ".", "..",
    })
    void refusesPathsThatCouldEscapeOrConfuseInstallers(String path) {
        assertThrows(IllegalArgumentException.class, () -> new WheelEntry(path, EMPTY, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "pkg/_native.cpython-311-x86_64-linux-gnu.so", "pkg/..hidden", "pkg/a,b \"c\".txt"})
    void acceptsOrdinaryPaths(String path) {
        assertEquals(path, new WheelEntry(path, EMPTY, false).path());
    }
}
