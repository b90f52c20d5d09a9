package dev.rustwheel.goals.packaging;

import dev.rustwheel.project.Bindings;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.python.interpreter.PythonInterpreter;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bindings detection, abi3 detection and the tag and module suffix they lead to. */
class TagSelectionTest {

    private static final PythonInterpreter CP311 = new PythonInterpreter("/usr/bin/python3", "cpython", 3, 11,
            ".cpython-311-x86_64-linux-gnu.so", Optional.of("cpython-311-x86_64-linux-gnu"), "linux-x86_64", 8);

    private static StagingManifest manifest(Map<String, List<String>> bindingCrates, String... kinds) {
        List<StagedArtifact> artifacts = java.util.Arrays.stream(kinds).map(kind -> new StagedArtifact(ArtifactKind.of(kind), "fp",
                Path.of("/t/" + kind), Path.of("/s/" + kind), 1, null, false, ArtifactState.COMPILED)).toList();
        return StagingManifest.of(new CrateInfo(Path.of("/c/Cargo.toml"), "fp", "1.0.0", null, CrateMetadata.EMPTY,
                bindingCrates), List.of(), artifacts);
    }

    @Test
    void detectsBindings() throws ProjectException {
        assertEquals(Bindings.EXTENSION, select(null, manifest(Map.of("pyo3", List.of()), "cdylib", "bin"), false));
        assertEquals(Bindings.EXTENSION, select(null, manifest(Map.of(), "cdylib"), true));
        assertEquals(Bindings.BIN, select(null, manifest(Map.of("pyo3", List.of()), "bin"), false));
        assertEquals(Bindings.BIN, select("bin", manifest(Map.of(), "cdylib", "bin"), false));
        assertEquals(Bindings.EXTENSION, select("pyo3-ffi", manifest(Map.of(), "cdylib"), false));
        assertEquals(Bindings.CFFI, select("cffi", manifest(Map.of(), "cdylib"), true));
    }

    @Test
    void aCdylibWithoutPyo3OrInitFunctionIsCffiAsMaturinDetectsIt() throws ProjectException {
        assertEquals(Bindings.CFFI, select(null, manifest(Map.of(), "cdylib", "bin"), false));
        assertEquals(Bindings.EXTENSION, select(null, manifest(Map.of("pyo3-ffi", List.of()), "cdylib"), false));
    }

    @Test
    void cffiBindingsAreTaggedForAnyPython() {
        assertEquals("py3-none-manylinux_2_17_x86_64", TagSelection.select(Bindings.CFFI, Optional.empty(), CP311,
                List.of("manylinux_2_17_x86_64")).toString());
    }

    @Test
    void refusesUnsupportedBindings() {
        ProjectException e = assertThrows(ProjectException.class,
                () -> select("uniffi", manifest(Map.of(), "cdylib"), false));
        assertTrue(e.getMessage().contains("bindings are not supported yet"), e.getMessage());
        assertThrows(ProjectException.class, () -> select(null, manifest(Map.of("uniffi", List.of()), "cdylib"), false));
        assertTrue(assertThrows(ProjectException.class, () -> select("rust", manifest(Map.of(), "cdylib"), false))
                .getMessage().contains("is not a binding type"));
    }

    private static Bindings select(String requested, StagingManifest manifest, boolean exportsInit)
            throws ProjectException {
        return Bindings.select(requested, "pyproject.toml: [tool.maturin] bindings", manifest, "fp",
                (cdylib, module) -> exportsInit);
    }

    @Test
    void abi3FromTheLowestAbi3Feature() {
        Map<String, List<String>> pyo3 = Map.of("pyo3", List.of("abi3", "abi3-py37", "abi3-py38", "abi3-py311", "macros"));
        assertEquals(Optional.of(7), Bindings.abi3MinorVersion(manifest(pyo3, "cdylib"), 11));
        assertEquals(Optional.of(11), Bindings.abi3MinorVersion(manifest(Map.of("pyo3-ffi", List.of("abi3")), "cdylib"), 11));
        assertEquals(Optional.empty(), Bindings.abi3MinorVersion(manifest(Map.of("pyo3", List.of("macros")), "cdylib"), 11));
    }

    @Test
    void tagsAndSuffixes() {
        assertEquals("cp311-cp311-linux_x86_64", TagSelection.select(Bindings.EXTENSION, Optional.empty(), CP311, List.of()).toString());
        assertEquals("cp37-abi3-linux_x86_64", TagSelection.select(Bindings.EXTENSION, Optional.of(7), CP311, List.of()).toString());
        assertEquals("py3-none-linux_x86_64", TagSelection.select(Bindings.BIN, Optional.of(7), CP311, List.of()).toString());
        assertEquals(".abi3.so", TagSelection.extensionSuffix(Optional.of(7), CP311, List.of()));
        assertEquals(".cpython-311-x86_64-linux-gnu.so", TagSelection.extensionSuffix(Optional.empty(), CP311, List.of()));
        PythonInterpreter windows = new PythonInterpreter("py", "cpython", 3, 11, ".cp311-win_amd64.pyd",
                Optional.empty(), "win-amd64", 8);
        assertEquals(".pyd", TagSelection.extensionSuffix(Optional.of(8), windows, List.of()));
    }

    @Test
    void withoutAuditAVersionSpecificBuildTakesTheInterpretersOwnTags() {
        PythonInterpreter freeThreaded = new PythonInterpreter("/usr/bin/python3.13t", "cpython", 3, 13,
                ".cpython-313t-x86_64-linux-gnu.so", Optional.of("cpython-313t-x86_64-linux-gnu"), "linux-x86_64", 8);
        assertEquals("cp313-cp313t-linux_x86_64",
                TagSelection.select(Bindings.EXTENSION, Optional.empty(), freeThreaded, List.of()).toString());
    }

    @Test
    void auditedPlatformsReplaceTheInterpretersMostCompatibleFirst() {
        List<String> audited = List.of("manylinux_2_17_x86_64", "manylinux2014_x86_64");

        assertEquals("cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64",
                TagSelection.select(Bindings.EXTENSION, Optional.empty(), CP311, audited).toString());
        assertEquals("cp37-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64",
                TagSelection.select(Bindings.EXTENSION, Optional.of(7), CP311, audited).toString());
        assertEquals("py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64",
                TagSelection.select(Bindings.BIN, Optional.empty(), CP311, audited).toString());
    }

    @Test
    void aCrossBuiltModuleGetsTheSuffixCPythonLooksForOnItsPlatform() {
        assertEquals(".cp311-win_amd64.pyd", TagSelection.extensionSuffix(Optional.empty(), CP311, List.of("win_amd64")));
        assertEquals(".pyd", TagSelection.extensionSuffix(Optional.of(7), CP311, List.of("win_amd64")));
        assertEquals(".cpython-311-darwin.so",
                TagSelection.extensionSuffix(Optional.empty(), CP311, List.of("macosx_11_0_arm64")));
        assertEquals(".abi3.so", TagSelection.extensionSuffix(Optional.of(7), CP311, List.of("macosx_10_12_universal2")));
        assertEquals(".so", TagSelection.extensionSuffix(Optional.empty(), CP311, List.of("manylinux_2_17_aarch64")));
        // the host's own architecture keeps the interpreter's EXT_SUFFIX
        assertEquals(".cpython-311-x86_64-linux-gnu.so",
                TagSelection.extensionSuffix(Optional.empty(), CP311, List.of("manylinux_2_17_x86_64")));
        assertEquals("cp311-cp311-win_amd64",
                TagSelection.select(Bindings.EXTENSION, Optional.empty(), CP311, List.of("win_amd64")).toString());
    }
}
