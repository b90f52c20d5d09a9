package dev.rustwheel.goals.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.RecordingLog;
import dev.rustwheel.python.DistributionName;
import dev.rustwheel.wheel.WheelTag;
import dev.rustwheel.wheel.zip.WheelArchive;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which of the built wheels each interpreter's test venv installs. */
class TestStepTest {

    /** As the test mojo describes the parameter: the message must carry it. */
    private static final String PYTHON_EXECUTABLES = "pythonExecutables (property rustwheel.pythonExecutables)";

    private static final List<Path> FILES = List.of(Path.of("demo-1.0-cp310-cp310-manylinux_2_17_x86_64.whl"),
            Path.of("demo-1.0-cp311-cp311-manylinux_2_17_x86_64.whl"));

    @Test
    void eachInterpreterGetsTheWheelOfItsOwnTag() throws Exception {
        List<WheelArchive> wheels = List.of(wheel("cp310"), wheel("cp311"));
        // sys_tags() of a CPython 3.11 on glibc 2.36, abridged: its own ABI first, abi3 and older ones after
        List<String> python311 = List.of("cp311-cp311-manylinux_2_36_x86_64", "cp311-cp311-manylinux_2_17_x86_64",
                "cp311-abi3-manylinux_2_17_x86_64", "cp310-abi3-manylinux_2_17_x86_64", "py3-none-any");
        List<String> python310 = List.of("cp310-cp310-manylinux_2_17_x86_64", "cp310-abi3-manylinux_2_17_x86_64");
        assertEquals(FILES.get(1), TestStep.wheelFor(python311, wheels, FILES, "python3.11", PYTHON_EXECUTABLES));
        assertEquals(FILES.get(0), TestStep.wheelFor(python310, wheels, FILES, "python3.10", PYTHON_EXECUTABLES));
    }

    @Test
    void aWheelNoInterpreterTakesIsAnErrorNamingTheFix() throws Exception {
        BuildException e = assertThrows(BuildException.class, () -> TestStep.wheelFor(
                List.of("cp312-cp312-manylinux_2_17_x86_64"), List.of(wheel("cp310"), wheel("cp311")), FILES,
                "python3.12", PYTHON_EXECUTABLES));
        assertTrue(e.getMessage().contains("installs into python3.12") && e.getMessage().contains(
                "list it in pythonExecutables (property rustwheel.pythonExecutables) for package"), e.getMessage());
    }

    @Test
    void aMissingTestDirectoryFailsNamingTheParameterAsTheMojoDescribesIt(@TempDir Path dir) {
        TestParameters parameters = new TestParameters("testDirectory (property rustwheel.testDirectory)",
                "testRequirements (property rustwheel.testRequirements)", "pytestArgs (property rustwheel.pytestArgs)",
                "failIfNoTests (property rustwheel.failIfNoTests)",
                "pythonExecutable (property rustwheel.pythonExecutable)", PYTHON_EXECUTABLES, "the test's skip switch");
        TestConfig config = new TestConfig(List.of("python3-never-run"), List.of(), dir, dir, dir.resolve("tests"),
                List.of(), List.of(), false, true, false, dir.resolve("target"), dir.resolve("reports"), "demo",
                parameters);
        BuildException e = assertThrows(BuildException.class, () -> new TestStep(new RecordingLog()).run(config));
        assertTrue(e.getMessage().contains(dir.resolve("tests") + " does not exist")
                && e.getMessage().contains("set testDirectory (property rustwheel.testDirectory) to where it is")
                && e.getMessage().endsWith("or skip the tests with the test's skip switch."), e.getMessage());
    }

    private static WheelArchive wheel(String python) throws Exception {
        return new WheelArchive(DistributionName.of("demo"), "1.0", Optional.empty(),
                List.of(new WheelTag(python, python, "manylinux_2_17_x86_64"),
                        new WheelTag(python, python, "manylinux2014_x86_64")), Set.of());
    }
}
