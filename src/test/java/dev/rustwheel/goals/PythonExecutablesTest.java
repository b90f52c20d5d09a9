package dev.rustwheel.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonExecutablesTest {

    @Test
    void theListWinsOverTheSingleInterpreter() {
        assertEquals(List.of("python3.10", "/opt/py/bin/python3.11"),
                PythonExecutables.configured(List.of("python3.10", " /opt/py/bin/python3.11 "), "python3"));
    }

    @Test
    void anEmptyListMeansTheSingleInterpreter() {
        assertEquals(List.of("python3"), PythonExecutables.configured(null, "python3"));
        assertEquals(List.of("python3"), PythonExecutables.configured(List.of(), "python3"));
        assertEquals(List.of("python3"), PythonExecutables.configured(Arrays.asList(null, " "), "python3"));
    }

    @Test
    void namesEachInterpreterOnce() {
        assertEquals(List.of("python3.11", "python3.10"),
                PythonExecutables.configured(List.of("python3.11", "python3.10", "python3.11"), "python3"));
    }
}
