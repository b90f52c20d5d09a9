package dev.rustwheel.python.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonInterpreterTest {

    @ParameterizedTest
    @CsvSource({
        "3, 11, cpython-311-x86_64-linux-gnu, linux-x86_64, cp311, cp311, linux_x86_64",
        "3, 13, cpython-313t-x86_64-linux-gnu, linux-x86_64, cp313, cp313t, linux_x86_64",
        "3, 11, cpython-311d-x86_64-linux-gnu, linux-aarch64, cp311, cp311d, linux_aarch64",
        "3, 12, cpython-312-darwin, macosx-11.0-arm64, cp312, cp312, macosx_11_0_arm64",
        "3, 13, cp313t-win_amd64, win-amd64, cp313, cp313t, win_amd64",
        "3, 9, , win32, cp39, cp39, win32",
        "3, 10, cpython-310-x86_64-linux-musl, linux-x86_64, cp310, cp310, linux_x86_64",
    })
    void derivesWheelTags(int major, int minor, String soabi, String platform,
                          String pythonTag, String abiTag, String platformTag) {
        PythonInterpreter interpreter = new PythonInterpreter("/usr/bin/python3", "cpython", major, minor,
                ".so", Optional.ofNullable(soabi), platform, 8);
        assertEquals(pythonTag, interpreter.pythonTag());
        assertEquals(abiTag, interpreter.abiTag());
        assertEquals(platformTag, interpreter.platformTag());
    }
}
