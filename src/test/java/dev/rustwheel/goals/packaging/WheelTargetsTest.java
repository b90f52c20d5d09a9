package dev.rustwheel.goals.packaging;

import dev.rustwheel.goals.BuildException;
import dev.rustwheel.project.Bindings;
import dev.rustwheel.python.interpreter.PythonInterpreter;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which configured interpreters get a wheel of their own, and when one cargo build cannot serve them all. */
class WheelTargetsTest {

    private static final List<String> MANYLINUX = List.of("manylinux_2_17_x86_64", "manylinux2014_x86_64");

    private static PythonInterpreter cpython(int minor, String path) {
        return new PythonInterpreter(path, "cpython", 3, minor, ".cpython-3" + minor + "-x86_64-linux-gnu.so",
                Optional.of("cpython-3" + minor + "-x86_64-linux-gnu"), "linux-x86_64", 8);
    }

    private static final PythonInterpreter CP310 = cpython(10, "/py/3.10/bin/python3.10");
    private static final PythonInterpreter CP311 = cpython(11, "/py/3.11/bin/python3.11");
    private static final PythonInterpreter CP311_AGAIN = cpython(11, "/usr/bin/python3");

    private static StagingManifest manifest(Map<String, List<String>> bindingCrates, String kind) {
        StagedArtifact artifact = new StagedArtifact(ArtifactKind.of(kind), "fp", Path.of("/t/" + kind), Path.of("/s/" + kind), 1,
                null, false, ArtifactState.COMPILED);
        return StagingManifest.of(new CrateInfo(Path.of("/c/Cargo.toml"), "fp", "1.0.0", null, CrateMetadata.EMPTY,
                bindingCrates), List.of(), List.of(artifact));
    }

    private static List<PythonInterpreter> select(Bindings bindings, Map<String, List<String>> crates,
                                                  PythonInterpreter... interpreters) throws BuildException {
        return WheelTargets.select(bindings, manifest(crates, bindings == Bindings.BIN ? "bin" : "cdylib"),
                List.of(interpreters), MANYLINUX).stream().map(WheelTargets.Target::python).toList();
    }

    @Test
    void rawFfiGetsOneWheelPerPythonVersion() throws BuildException {
        assertEquals(List.of(CP310, CP311), select(Bindings.EXTENSION, Map.of(), CP310, CP311));
        assertEquals(List.of(CP311, CP310), select(Bindings.EXTENSION, Map.of(), CP311, CP310),
                "the configured order is kept");
    }

    @Test
    void interpretersOfOneVersionShareTheFirstOnesWheel() throws BuildException {
        assertEquals(List.of(CP311, CP310), select(Bindings.EXTENSION, Map.of(), CP311, CP310, CP311_AGAIN));
        assertEquals(List.of(CP311), select(Bindings.EXTENSION, Map.of("pyo3", List.of("macros")), CP311,
                CP311_AGAIN), "a version-specific build serves every interpreter of its version");
    }

    @Test
    void abi3AndBinYieldOneWheel() throws BuildException {
        assertEquals(List.of(CP310), select(Bindings.EXTENSION, Map.of("pyo3", List.of("abi3-py38")), CP310, CP311));
        assertEquals(List.of(CP311), select(Bindings.EXTENSION, Map.of("pyo3-ffi", List.of("abi3")), CP311, CP310),
                "a bare abi3 targets the interpreter cargo built for, the first");
        assertEquals(List.of(CP310), select(Bindings.BIN, Map.of("pyo3", List.of()), CP310, CP311));
    }

    @Test
    void oneInterpreterIsOneWheel() throws BuildException {
        assertEquals(List.of(CP311), select(Bindings.EXTENSION, Map.of("pyo3", List.of()), CP311));
    }

    @Test
    void refusesVersionSpecificPyo3ForSeveralVersions() {
        for (String crate : List.of("pyo3", "pyo3-ffi")) {
            BuildException e = assertThrows(BuildException.class,
                    () -> select(Bindings.EXTENSION, Map.of(crate, List.of("macros")), CP311, CP310));
            assertTrue(e.isUserError(), e.getMessage());
            String message = e.getMessage();
            for (String part : List.of("/c/Cargo.toml uses " + crate + " without the stable ABI",
                    "(for /py/3.11/bin/python3.11)", "3.11 (/py/3.11/bin/python3.11), 3.10 (/py/3.10/bin/python3.10)",
                    "abi3-py310", "pythonExecutables", "each with its own pythonExecutable.")) {
                assertTrue(message.contains(part), "'" + part + "' missing in: " + message);
            }
        }
    }
}
