package dev.rustwheel.goals.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.cargo.CargoBuildRequest;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.RecordingLog;
import dev.rustwheel.project.pyproject.MaturinSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A venv path develop cannot create is found before anything is built. */
class DevelopStepTest {

    @TempDir
    Path dir;

    @Test
    void findsTheFileThatBlocksTheVenv() throws Exception {
        Path file = Files.writeString(dir.resolve("pom.xml"), "<project/>");
        assertEquals(file, DevelopStep.firstFileOnTheWay(file.resolve("venv/inner")));
        assertEquals(file, DevelopStep.firstFileOnTheWay(file));
    }

    @Test
    void aVenvBlockedByAFileFailsNamingTheParameterAsTheMojoDescribesIt() throws Exception {
        Path file = Files.writeString(dir.resolve("pom.xml"), "<project/>");

        BuildException e = assertThrows(BuildException.class, () -> new DevelopStep(dir.resolve("target"),
                new RecordingLog()).run(config("python3-never-run", file.resolve("venv"))));

        assertTrue(e.getMessage().startsWith("venv (property rustwheel.venv) is " + file.resolve("venv") + ", but "
                + file + " is a file"), e.getMessage());
    }

    @Test
    void anInterpreterThatCannotMakeTheVenvFailsNamingBothParametersAsTheMojoDescribesThem() {
        BuildException e = assertThrows(BuildException.class, () -> new DevelopStep(dir.resolve("target"),
                new RecordingLog()).run(config("python3-that-does-not-exist", dir.resolve("venv"))));

        assertTrue(e.getMessage().contains("Set pythonExecutable (property rustwheel.pythonExecutable) to a CPython 3")
                && e.getMessage().contains("or venv (property rustwheel.venv) to an existing"), e.getMessage());
    }

    private DevelopConfig config(String python, Path venv) {
        CargoBuildRequest cargo = new CargoBuildRequest("cargo-never-run", dir.resolve("Cargo.toml"), "dev", List.of(),
                false, List.of(), Map.of(), true, Optional.empty());
        return new DevelopConfig(cargo, dir.resolve("pyproject.toml"), MaturinSettings.NONE, python, venv, List.of(),
                dir.resolve("wheelhouse"), true, "0.0.0", null, Map.of(), "venv (property rustwheel.venv)",
                "pythonExecutable (property rustwheel.pythonExecutable)");
    }

    @Test
    void aNewOrExistingDirectoryIsFine() {
        assertNull(DevelopStep.firstFileOnTheWay(dir.resolve("new/venv")));
        assertNull(DevelopStep.firstFileOnTheWay(dir));
    }
}
