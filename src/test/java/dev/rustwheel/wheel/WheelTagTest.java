package dev.rustwheel.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WheelTagTest {

    @Test
    void joinsItsPartsWithHyphens() {
        assertEquals("cp311-cp311-linux_x86_64", new WheelTag("cp311", "cp311", "linux_x86_64").toString());
    }

    @Test
    void allowsCompressedTagSets() {
        assertEquals("cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64",
                new WheelTag("cp311", "cp311", "manylinux_2_17_x86_64.manylinux2014_x86_64").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "linux-x86_64", "a b", ".x", "x.", "a..b", "macosx_11_0/arm64"})
    void rejectsComponentsThatWouldBreakTheFileName(String platform) {
        assertThrows(IllegalArgumentException.class, () -> new WheelTag("cp311", "cp311", platform));
    }

    @Test
    void compressedPlatformsKeepTheirOrderInTheNameAndExpandIntoOneTagEach() {
        WheelTag tag = new WheelTag("cp311", "cp311", "manylinux_2_17_x86_64.manylinux2014_x86_64");
        assertEquals("cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64", tag.toString());
        assertEquals(java.util.List.of(new WheelTag("cp311", "cp311", "manylinux_2_17_x86_64"),
                new WheelTag("cp311", "cp311", "manylinux2014_x86_64")), tag.expanded());
        assertEquals(6, new WheelTag("py2.py3", "none", "a.b.c").expanded().size());
    }
}
