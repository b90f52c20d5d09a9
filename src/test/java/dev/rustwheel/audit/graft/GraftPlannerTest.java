package dev.rustwheel.audit.graft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.audit.LibraryExclusion;
import dev.rustwheel.audit.linux.Auditor;
import dev.rustwheel.audit.linux.Policies;
import dev.rustwheel.audit.linux.SearchPaths;
import dev.rustwheel.binary.elf.DynamicSection;
import dev.rustwheel.binary.elf.ElfFile;
import dev.rustwheel.binary.elf.Gcc;
import dev.rustwheel.staging.GraftedLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Graft plans for a real chain built with gcc: {@code top.so} → {@code liba.so.1} (real file
 * {@code liba.so.1.2.3}, RUNPATH to its directory) → {@code libb.so.1}, all in a directory no loader searches.
 */
class GraftPlannerTest {

    @TempDir
    Path dir;

    private Path deps;
    private Path liba;
    private Path libb;
    private Path top;

    @BeforeEach
    void buildChain() throws Exception {
        deps = Files.createDirectories(dir.resolve("deps"));
        libb = Gcc.sharedLibrary(deps, "libb.so.1", "int b(void) { return 2; }", "-Wl,-soname,libb.so.1");
        liba = Gcc.sharedLibrary(deps, "liba.so.1.2.3", "int b(void); int a(void) { return b() + 1; }",
                "-Wl,-soname,liba.so.1", libb.toString(), "-Wl,-rpath," + deps);
        Files.createSymbolicLink(deps.resolve("liba.so.1"), liba.getFileName());
        top = Gcc.sharedLibrary(dir, "top.so", "int a(void); int top(void) { return a(); }",
                deps.resolve("liba.so.1").toString(), "-Wl,-rpath,/build/machine/lib:$ORIGIN/vendor");
    }

    private List<ExternalLibrary> external(LibraryExclusion exclusion) throws Exception {
        return new Auditor(Policies.bundled(), SearchPaths.of(Path.of("/"), null, List.of(deps)), exclusion)
                .audit(List.of(top), Optional.empty()).externalLibraries();
    }

    @Test
    void graftsTheWholeChainRenamedAfterTheRealFilesAndTheirDigests() throws Exception {
        byte[] cleanTop = Files.readAllBytes(top);
        GraftPlan plan = GraftPlanner.plan(List.of(new GraftTarget(top, "demo", true)),
                external(LibraryExclusion.NONE), "demo.libs", List.of());

        String newA = "liba-" + sha256(liba).substring(0, 8) + ".so.1.2.3";
        String newB = "libb-" + sha256(libb).substring(0, 8) + ".so.1";
        assertEquals(List.of("demo.libs/" + newA, "demo.libs/" + newB),
                plan.libraries().stream().map(GraftedLibrary::archivePath).toList());
        GraftedLibrary a = plan.libraries().get(0);
        assertEquals(List.of("liba.so.1"), a.sonames());
        assertEquals(liba.toRealPath(), a.sourcePath());
        assertEquals(sha256(liba), a.sha256());

        DynamicSection patchedA = patched(a.sourcePath(), a);
        assertEquals(Optional.of(newA), patchedA.soname());
        assertTrue(patchedA.needed().contains(newB), patchedA.needed().toString());
        assertEquals(Optional.of("$ORIGIN"), patchedA.rpath(), "a grafted library needing another finds it beside it");
        assertEquals(Optional.empty(), patchedA.runpath());

        DynamicSection patchedB = patched(libb, plan.libraries().get(1));
        assertEquals(Optional.of(newB), patchedB.soname());
        assertEquals(Optional.empty(), patchedB.rpath());

        Path patchedTop = dir.resolve("top-patched.so");
        plan.edits().get(top).writePatchedCopy(top, patchedTop);
        DynamicSection topDynamic = dynamic(patchedTop);
        assertTrue(topDynamic.needed().contains(newA) && !topDynamic.needed().contains("liba.so.1"),
                topDynamic.needed().toString());
        assertEquals(Optional.of("$ORIGIN/vendor:$ORIGIN/../demo.libs"), topDynamic.rpath(),
                "the entry inside the wheel stays, the build machine's path goes, DT_RPATH replaces DT_RUNPATH");
        assertEquals(Optional.empty(), topDynamic.runpath());
        assertTrue(Arrays.equals(cleanTop, Files.readAllBytes(top)), "planning wrote to the artifact");
    }

    /**
     * The recorded digest is deliberately not the file's: seeing it in the plan proves the file was not read
     * again; a library whose modification time moved is read again and named after its real digest.
     */
    @Test
    void aRebuildTakesTheDigestOfAnUnchangedLibraryFromThePreviousRepairWithoutReadingIt() throws Exception {
        GraftPlan cold = GraftPlanner.plan(List.of(new GraftTarget(top, "demo", true)),
                external(LibraryExclusion.NONE), "demo.libs", List.of());
        GraftedLibrary a = cold.libraries().get(0);
        GraftedLibrary b = cold.libraries().get(1);
        assertEquals(Files.size(liba), a.sourceSize());
        assertEquals(Files.getLastModifiedTime(liba).toString(), a.sourceModified());
        String recorded = "0123abcd" + "e".repeat(56);
        List<GraftedLibrary> previous = List.of(withDigest(a, recorded), withDigest(b, recorded));
        Files.setLastModifiedTime(libb, FileTime.fromMillis(Files.getLastModifiedTime(libb).toMillis() - 60_000));

        GraftPlan warm = GraftPlanner.plan(List.of(new GraftTarget(top, "demo", true)),
                external(LibraryExclusion.NONE), "demo.libs", previous);

        assertEquals(recorded, warm.libraries().get(0).sha256(), "the unchanged library was read again");
        assertEquals("demo.libs/liba-0123abcd.so.1.2.3", warm.libraries().get(0).archivePath());
        assertEquals(sha256(libb), warm.libraries().get(1).sha256(), "a changed mtime must force a fresh read");
        assertEquals(Files.getLastModifiedTime(libb).toString(), warm.libraries().get(1).sourceModified());
        assertTrue(dynamic(patchedCopy(top, warm)).needed().contains("liba-0123abcd.so.1.2.3"),
                "the wheel's own file needs the library under the name the reused digest gives");
    }

    @Test
    void aLibraryOfAnotherSizeIsReadAgain() throws Exception {
        GraftedLibrary a = GraftPlanner.plan(List.of(new GraftTarget(top, "demo", true)),
                external(LibraryExclusion.NONE), "demo.libs", List.of()).libraries().get(0);
        GraftedLibrary stale = new GraftedLibrary(a.sonames(), a.sourcePath(), a.archivePath(), "f".repeat(64),
                a.sourceSize() + 1, a.sourceModified(), a.overlay());

        GraftPlan warm = GraftPlanner.plan(List.of(new GraftTarget(top, "demo", true)),
                external(LibraryExclusion.NONE), "demo.libs", List.of(stale));

        assertEquals(sha256(liba), warm.libraries().get(0).sha256());
    }

    private static GraftedLibrary withDigest(GraftedLibrary library, String sha256) {
        return new GraftedLibrary(library.sonames(), library.sourcePath(), library.archivePath(), sha256,
                library.sourceSize(), library.sourceModified(), library.overlay());
    }

    private Path patchedCopy(Path file, GraftPlan plan) throws Exception {
        Path copy = dir.resolve(file.getFileName() + ".patched");
        plan.edits().get(file).writePatchedCopy(file, copy);
        return copy;
    }

    @Test
    void anExecutableBesideTheLibrariesFindsThemOneLevelUp() throws Exception {
        Path tool = Gcc.pieExecutable(dir, "tool", "int a(void); int main(void) { return a(); }",
                deps.resolve("liba.so.1").toString(), "-Wl,-rpath," + deps);
        GraftPlan plan = GraftPlanner.plan(List.of(new GraftTarget(tool, "demo.scripts", false)),
                external(LibraryExclusion.NONE), "demo.libs", List.of());

        Path patched = dir.resolve("tool-patched");
        plan.edits().get(tool).writePatchedCopy(tool, patched);
        DynamicSection dynamic = dynamic(patched);
        assertTrue(dynamic.needed().contains(plan.libraries().get(0).archivePath().substring("demo.libs/".length())),
                dynamic.needed().toString());
        assertEquals(Optional.of("$ORIGIN/../demo.libs"), dynamic.rpath());
        assertEquals(Optional.empty(), dynamic.runpath());
    }

    @Test
    void anExcludedLibraryIsNotGraftedNorWhatOnlyItNeeds() throws Exception {
        assertEquals(List.of(), external(new LibraryExclusion(List.of("liba.so.*"))));
        assertEquals(List.of("liba.so.1"), external(new LibraryExclusion(List.of("*/deps/libb*")))
                .stream().map(ExternalLibrary::soname).toList());
    }

    @Test
    void filesNeedingNoGraftedLibraryAreLeftAsTheyAre() throws Exception {
        Path plain = Gcc.sharedLibrary(dir, "plain.so", "int plain(void) { return 1; }");
        GraftPlan plan = GraftPlanner.plan(List.of(new GraftTarget(plain, "demo", true)), List.of(), "demo.libs",
                List.of());
        assertEquals(List.of(), plan.libraries());
        assertEquals(java.util.Map.of(), plan.edits());
    }

    @Test
    void anExtensionModuleNeedingLibpythonIsRefused() throws Exception {
        Path libpython = Gcc.sharedLibrary(deps, "libpython3.99.so.1.0", "int Py_Fake(void) { return 0; }",
                "-Wl,-soname,libpython3.99.so.1.0");
        Path module = Gcc.sharedLibrary(dir, "ext.so", "int Py_Fake(void); int f(void) { return Py_Fake(); }",
                libpython.toString());

        AuditException e = assertThrows(AuditException.class, () -> GraftPlanner.plan(
                List.of(new GraftTarget(module, "demo", true)), List.of(), "demo.libs", List.of()));
        assertTrue(e.getMessage().contains(module + " needs libpython3.99.so.1.0"), e.getMessage());
        assertTrue(e.getMessage().contains("extension-module feature"), e.getMessage());
        // an executable may embed the interpreter; libpython is simply not grafted then
        assertEquals(List.of(), GraftPlanner.plan(List.of(new GraftTarget(module, "demo.scripts", false)), List.of(),
                "demo.libs", List.of()).libraries());
    }

    @Test
    void aLibraryNotFoundCannotBeGrafted() {
        AuditException e = assertThrows(AuditException.class, () -> GraftPlanner.plan(
                List.of(new GraftTarget(top, "demo", true)),
                List.of(new ExternalLibrary("libgone.so.1", Optional.empty(), top)), "demo.libs", List.of()));
        assertTrue(e.getMessage().startsWith("libgone.so.1, needed by " + top + ", is not found"), e.getMessage());
        assertTrue(e.getMessage().contains("LD_LIBRARY_PATH") && e.getMessage().contains("auditwheelExclude"));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "libfoo.so.1        | libfoo-ab12cd34.so.1",
            "libfoo.so.1.2.3    | libfoo-ab12cd34.so.1.2.3",
            "libfoo.so          | libfoo-ab12cd34.so",
            "libfoo             | libfoo-ab12cd34",
    })
    void graftedNames(String realName, String expected) {
        assertEquals(expected, GraftPlanner.graftedName(realName, "ab12cd34" + "0".repeat(56)));
    }

    @ParameterizedTest(name = "{0} with [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "demo              | ''                                  | $ORIGIN/../d.libs",
            "pkg/sub           | ''                                  | $ORIGIN/../../d.libs",
            "pkg/sub/deeper    | ''                                  | $ORIGIN/../../../d.libs",
            "d.scripts         | ''                                  | $ORIGIN/../d.libs",
            "d.libs            | ''                                  | $ORIGIN",
            "pkg               | /build/lib:$ORIGIN/vendor           | $ORIGIN/vendor:$ORIGIN/../d.libs",
            "pkg/sub           | ${ORIGIN}/..:$ORIGIN/../../..       | ${ORIGIN}/..:$ORIGIN/../../d.libs",
            "pkg               | $ORIGIN/../d.libs:$ORIGIN           | $ORIGIN/../d.libs:$ORIGIN",
            "pkg               | $ORIGINAL:$LIB/x:relative/dir       | $ORIGIN/../d.libs",
    })
    void searchPaths(String wheelDirectory, String oldEntries, String expected) {
        List<String> old = oldEntries.isEmpty() ? List.of() : List.of(oldEntries.split(":"));
        assertEquals(expected, GraftPlanner.searchPath(old, wheelDirectory, "d.libs"));
    }

    private DynamicSection patched(Path clean, GraftedLibrary library) throws Exception {
        Path copy = dir.resolve("patched-" + library.fileName());
        library.overlay().writePatchedCopy(clean, copy);
        return dynamic(copy);
    }

    private static DynamicSection dynamic(Path file) throws Exception {
        try (ElfFile elf = ElfFile.open(file)) {
            return elf.dynamicSection();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
