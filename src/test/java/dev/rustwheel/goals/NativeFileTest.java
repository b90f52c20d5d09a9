package dev.rustwheel.goals;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.binary.elf.Gcc;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.StagedArtifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On gcc-built libraries: one standing in for libpython, modules and an executable linking it or not. */
class NativeFileTest {

    @TempDir
    Path dir;

    private Path libpython() throws Exception {
        Path deps = Files.createDirectories(dir.resolve("deps"));
        return Gcc.sharedLibrary(deps, "libpython3.99.so.1.0", "int Py_Fake(void) { return 0; }",
                "-Wl,-soname,libpython3.99.so.1.0");
    }

    @Test
    void anExtensionModuleLinkingLibpythonIsRefusedAsMaturinRefusesIt() throws Exception {
        Path module = Gcc.sharedLibrary(dir, "ext.so",
                "int Py_Fake(void); int PyInit_ext(void) { return Py_Fake(); }", libpython().toString());

        NativeFile file = NativeFile.read(module, "PyInit_ext");
        BuildException e = assertThrows(BuildException.class, () -> file.requireExtensionModule("ext"));

        assertTrue(e.isUserError());
        assertTrue(e.getMessage().startsWith("Your library links libpython (libpython3.99.so.1.0), which libraries"
                + " must not do"), e.getMessage());
        assertTrue(e.getMessage().contains("extension-module") && e.getMessage().contains(module.toString()),
                e.getMessage());
    }

    @Test
    void aModuleWithoutItsInitFunctionIsRefused() throws Exception {
        Path module = Gcc.sharedLibrary(dir, "ext.so", "int PyInit_other(void) { return 0; }");

        BuildException e = assertThrows(BuildException.class,
                () -> NativeFile.read(module, "PyInit_ext").requireExtensionModule("ext"));

        assertTrue(e.getMessage().contains("exports no PyInit_ext"), e.getMessage());
    }

    @Test
    void aCdylibWithoutItsInitFunctionIsToldApartForCffiDetection() throws Exception {
        Path library = Gcc.sharedLibrary(dir, "with_data.so", "int get_21(void) { return 21; }");
        Path module = Gcc.sharedLibrary(dir, "ext.so", "int PyInit_ext(void) { return 0; }");

        assertFalse(NativeFile.exportsInit(artifact(library), "with_data"));
        assertTrue(NativeFile.exportsInit(artifact(module), "ext"));
        assertFalse(NativeFile.exportsInit(artifact(module), "other"));
        BuildException e = assertThrows(BuildException.class,
                () -> NativeFile.read(library, "PyInit_with_data").requireExtensionModule("with_data"));
        assertTrue(e.getMessage().contains("set bindings to cffi"), e.getMessage());
    }

    @Test
    void aCffiLibraryLinkingLibpythonIsRefused() throws Exception {
        Path library = Gcc.sharedLibrary(dir, "libc_api.so", "int Py_Fake(void); int one(void) { return Py_Fake(); }",
                libpython().toString());

        BuildException e = assertThrows(BuildException.class, () -> NativeFile.read(library, null).requireNoLibpython());
        assertTrue(e.getMessage().contains("links libpython (libpython3.99.so.1.0)"), e.getMessage());
    }

    private static StagedArtifact artifact(Path file) {
        return new StagedArtifact(ArtifactKind.CDYLIB, "x", file, file, 1, null, false, ArtifactState.COMPILED);
    }

    @Test
    void aCleanModulePassesAndAnExecutableMayEmbedPython() throws Exception {
        Path module = Gcc.sharedLibrary(dir, "ext.so", "int PyInit_ext(void) { return 0; }");
        assertDoesNotThrow(() -> NativeFile.read(module, "PyInit_ext").requireExtensionModule("ext"),
                "a hand-written PyInit_ext needs no PyO3");
        assertEquals(Optional.empty(), NativeFile.read(module, "PyInit_ext").libpython());

        Path embedding = Gcc.pieExecutable(dir, "tool", "int Py_Fake(void); int main(void) { return Py_Fake(); }",
                libpython().toString());
        assertEquals(Optional.of("libpython3.99.so.1.0"), NativeFile.read(embedding, null).libpython());
    }
}
