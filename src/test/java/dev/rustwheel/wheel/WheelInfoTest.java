package dev.rustwheel.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WheelInfoTest {

    @Test
    void rendersOneTagLinePerTag() {
        WheelInfo info = new WheelInfo("0.1.0", List.of(
                new WheelTag("cp311", "cp311", "manylinux_2_17_x86_64"),
                new WheelTag("cp311", "cp311", "manylinux2014_x86_64")));
        assertEquals("Wheel-Version: 1.0\n"
                + "Generator: rustwheel 0.1.0\n"
                + "Root-Is-Purelib: false\n"
                + "Tag: cp311-cp311-manylinux_2_17_x86_64\n"
                + "Tag: cp311-cp311-manylinux2014_x86_64\n", info.render());
    }

    @Test
    void needsATag() {
        assertThrows(IllegalArgumentException.class, () -> new WheelInfo("0.1.0", List.of()));
    }
}
