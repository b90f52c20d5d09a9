package dev.rustwheel.goals.packaging;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.binary.elf.Gcc;
import dev.rustwheel.goals.BuildException;
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
        BuildException e = assertThrows(BuildException.class, () -> file.requireExtensionModule("ext", true));

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
                () -> NativeFile.read(module, "PyInit_ext").requireExtensionModule("ext", true));

        assertTrue(e.getMessage().contains("exports no PyInit_ext"), e.getMessage());
    }

    @Test
    void aCdylibWithoutPyo3OrInitFunctionIsDetectedAsCffiAsMaturinDetectsIt() throws Exception {
        Path library = Gcc.sharedLibrary(dir, "with_data.so", "int get_21(void) { return 21; }");

        BuildException e = assertThrows(BuildException.class,
                () -> NativeFile.read(library, "PyInit_with_data").requireExtensionModule("with_data", false));

        assertTrue(e.getMessage().contains("maturin would build it as cffi bindings")
                && e.getMessage().contains("cffi bindings are not supported yet"), e.getMessage());
    }

    @Test
    void aCleanModulePassesAndAnExecutableMayEmbedPython() throws Exception {
        Path module = Gcc.sharedLibrary(dir, "ext.so", "int PyInit_ext(void) { return 0; }");
        assertDoesNotThrow(() -> NativeFile.read(module, "PyInit_ext").requireExtensionModule("ext", false),
                "a hand-written PyInit_ext needs no PyO3");
        assertEquals(Optional.empty(), NativeFile.read(module, "PyInit_ext").libpython());

        Path embedding = Gcc.pieExecutable(dir, "tool", "int Py_Fake(void); int main(void) { return Py_Fake(); }",
                libpython().toString());
        assertEquals(Optional.of("libpython3.99.so.1.0"), NativeFile.read(embedding, null).libpython());
    }
}
