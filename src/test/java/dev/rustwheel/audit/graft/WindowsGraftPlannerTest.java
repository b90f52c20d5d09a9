package dev.rustwheel.audit.graft;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.binary.NativeTools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** delvewheel's mangled names, recomputed by Python's hashlib from delvewheel's description, and the rewrites. */
class WindowsGraftPlannerTest {

    /** delvewheel's _hashfile: the dependencies' hashes, each followed by NUL, then the file; 32 hex digits. */
    private static final String DELVEWHEEL_HASH = """
            import sys, hashlib
            def h(path, deps):
                d = hashlib.sha256()
                for x in deps:
                    d.update(x.encode()); d.update(b'\\x00')
                d.update(open(path, 'rb').read())
                return d.hexdigest()[:32]
            bar = h(sys.argv[1], [])
            print('Bar-' + bar + '.dll', 'foo-' + h(sys.argv[2], [bar]) + '.dll')
            """;

    @TempDir
    Path dir;

    @Test
    void namesChainTheDependenciesHashesAsDelvewheelDoesAndImportsFollowTheNewNames() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        // the file's own spelling gives the mangled name its case, as delvewheel takes it from the file found
        Path bar = NativeTools.mingw(lib, "Bar.dll", "__declspec(dllexport) int bar(int x) { return 2 * x; }", "-shared");
        Path foo = NativeTools.mingw(lib, "foo.dll", "__declspec(dllimport) int bar(int);\n"
                + "__declspec(dllexport) int foo(int x) { return bar(x) + 1; }\n", "-shared", bar.toString());
        Path ext = NativeTools.mingw(Files.createDirectories(dir.resolve("wheel")), "ext.pyd",
                "__declspec(dllimport) int foo(int);\n__declspec(dllexport) int run(void) { return foo(20); }\n",
                "-shared", foo.toString());

        BundledLibraries bundled = WindowsGraftPlanner.plan(List.of(ext), List.of(
                new ExternalLibrary("foo.dll", Optional.of(foo), ext),
                new ExternalLibrary("bar.dll", Optional.of(bar), foo)), "demo.libs");

        String[] expected = NativeTools.python(dir, "hashlib", DELVEWHEEL_HASH, bar.toString(), foo.toString())
                .strip().split(" ");
        assertEquals(List.of("demo.libs/" + expected[1], "demo.libs/" + expected[0]),
                bundled.copies().stream().map(BundledLibraries.Copy::archivePath).toList());
        Path patchedFoo = dir.resolve(expected[1]);
        bundled.edits().get(foo).writePatchedCopy(foo, patchedFoo);
        Path patchedExt = dir.resolve("ext.pyd");
        bundled.edits().get(ext).writePatchedCopy(ext, patchedExt);
        String imports = "import sys, pefile; print([d.dll.decode() for d in pefile.PE(sys.argv[1]).DIRECTORY_ENTRY_IMPORT])";
        assertTrue(NativeTools.python(dir, "pefile", imports, patchedFoo.toString()).contains("'" + expected[0] + "'"));
        assertTrue(NativeTools.python(dir, "pefile", imports, patchedExt.toString()).contains("'" + expected[1] + "'"));
    }

    @Test
    void dllsImportingEachOtherInACycleAreRefusedNamingTheCycle() throws Exception {
        Path first = Files.createDirectories(dir.resolve("first"));
        Path lib = Files.createDirectories(dir.resolve("lib"));
        // b.dll without its import of a.dll, to link a.dll against; then the real b.dll, linked against a.dll
        Path plainB = NativeTools.mingw(first, "b.dll", "__declspec(dllexport) int fb(void) { return 1; }", "-shared");
        Path a = NativeTools.mingw(lib, "a.dll", "__declspec(dllimport) int fb(void);\n"
                + "__declspec(dllexport) int fa(void) { return fb(); }\n", "-shared", plainB.toString());
        Path b = NativeTools.mingw(lib, "b.dll", "__declspec(dllimport) int fa(void);\n"
                + "__declspec(dllexport) int fb(void) { return 1; }\n__declspec(dllexport) int g(void) { return fa(); }\n",
                "-shared", a.toString());

        AuditException e = assertThrows(AuditException.class, () -> WindowsGraftPlanner.mangledNames(
                new java.util.LinkedHashMap<>(Map.of("a.dll", a, "b.dll", b))));
        assertTrue(e.getMessage().contains("import each other in a cycle") && e.getMessage().contains("a.dll")
                && e.getMessage().contains("b.dll") && e.getMessage().contains("auditwheelExclude"), e.getMessage());
    }
}
