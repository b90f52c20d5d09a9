package dev.rustwheel.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rustwheel.python.DistributionName;
import dev.rustwheel.python.InvalidDistributionNameException;
import org.junit.jupiter.api.Test;

class WheelNameTest {

    private static final WheelTag LINUX_311 = new WheelTag("cp311", "cp311", "linux_x86_64");

    @Test
    void namesTheWheelFileWithEscapedComponents() throws InvalidDistributionNameException {
        assertEquals("fastparse_py-1.2.0-cp311-cp311-linux_x86_64.whl",
                WheelName.fileName(DistributionName.of("FastParse.Py"), "1.2.0", LINUX_311));
        assertEquals("fast_parse-1.2.0rc1.dev2+abc.5-cp311-cp311-linux_x86_64.whl",
                WheelName.fileName(DistributionName.of("fast--parse"), "1.2.0rc1.dev2+abc.5", LINUX_311));
    }

    @Test
    void namesTheDistInfoDirectoryLikeTheFile() throws InvalidDistributionNameException {
        assertEquals("fastparse_py-1.2.0.dist-info",
                WheelName.distInfoDirectory(DistributionName.of("fastparse-py"), "1.2.0"));
    }

    @Test
    void refusesVersionsNotInNormalForm() throws InvalidDistributionNameException {
        DistributionName name = DistributionName.of("fastparse");
        assertThrows(IllegalArgumentException.class, () -> WheelName.fileName(name, "1.2.0-rc.1", LINUX_311));
        assertThrows(IllegalArgumentException.class, () -> WheelName.distInfoDirectory(name, "1.02"));
    }
}
