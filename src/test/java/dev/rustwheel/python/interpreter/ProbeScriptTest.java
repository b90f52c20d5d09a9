package dev.rustwheel.python.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeScriptTest {

    private static final String LINUX_311 = "{\"executable\": \"/opt/py/bin/python3.11\","
            + " \"implementation\": \"cpython\", \"major\": 3, \"minor\": 11,"
            + " \"ext_suffix\": \".cpython-311-x86_64-linux-gnu.so\", \"soabi\": \"cpython-311-x86_64-linux-gnu\","
            + " \"platform\": \"linux-x86_64\", \"pointer_size\": 8}\n";

    @Test
    void readsTheInterpreterDescription() throws InterpreterProbeException {
        assertEquals(new PythonInterpreter("/opt/py/bin/python3.11", "cpython", 3, 11,
                        ".cpython-311-x86_64-linux-gnu.so", Optional.of("cpython-311-x86_64-linux-gnu"),
                        "linux-x86_64", 8),
                ProbeScript.parse("python3", LINUX_311));
    }

    @Test
    void treatsANullSoabiAsAbsent() throws InterpreterProbeException {
        String windows39 = "{\"executable\": \"C:\\\\Python39\\\\python.exe\", \"implementation\": \"cpython\","
                + " \"major\": 3, \"minor\": 9, \"ext_suffix\": \".cp39-win_amd64.pyd\", \"soabi\": null,"
                + " \"platform\": \"win-amd64\", \"pointer_size\": 8}";
        PythonInterpreter interpreter = ProbeScript.parse("python", windows39);
        assertEquals(Optional.empty(), interpreter.soabi());
        assertEquals("C:\\Python39\\python.exe", interpreter.executable());
    }

    @Test
    void fallsBackToTheGivenNameWhenTheInterpreterDoesNotKnowItsPath() throws InterpreterProbeException {
        String embedded = LINUX_311.replace("/opt/py/bin/python3.11", "");
        assertEquals("python3", ProbeScript.parse("python3", embedded).executable());
    }

    @Test
    void refusesOtherImplementationsNamingThem() {
        String pypy = LINUX_311.replace("\"cpython\"", "\"pypy\"").replace("\"minor\": 11", "\"minor\": 10");
        InterpreterProbeException e =
                assertThrows(InterpreterProbeException.class, () -> ProbeScript.parse("pypy3", pypy));
        assertEquals("rustwheel builds for CPython only so far; 'pypy3' is pypy 3.10."
                + " Point rustwheel at a CPython interpreter.", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "Python 2.7.18", "[1, 2]", "{\"implementation\": \"cpython\"}",
        "{\"executable\": \"x\", \"implementation\": \"cpython\", \"major\": \"3\", \"minor\": 11,"
                + " \"ext_suffix\": \".so\", \"soabi\": null, \"platform\": \"linux-x86_64\", \"pointer_size\": 8}",
        "{\"executable\": \"x\", \"implementation\": \"cpython\", \"major\": 3, \"minor\": 11,"
                + " \"ext_suffix\": null, \"soabi\": null, \"platform\": \"linux-x86_64\", \"pointer_size\": 8}",
    })
    void refusesAnswersItCannotRead(String output) {
        InterpreterProbeException e =
                assertThrows(InterpreterProbeException.class, () -> ProbeScript.parse("python3", output));
        assertTrue(e.getMessage().startsWith("'python3' did not describe itself as a Python interpreter would"),
                e.getMessage());
    }

    @Test
    void quotesOnlyTheStartOfALongAnswer() {
        String noise = "x".repeat(10_000);
        InterpreterProbeException e =
                assertThrows(InterpreterProbeException.class, () -> ProbeScript.parse("python3", noise));
        assertTrue(e.getMessage().length() < 1_000, e.getMessage());
    }

    @Test
    void scriptIsOneLineWithoutDoubleQuotes() {
        assertFalse(ProbeScript.SOURCE.contains("\""));
        assertFalse(ProbeScript.SOURCE.contains("\n"));
    }
}
