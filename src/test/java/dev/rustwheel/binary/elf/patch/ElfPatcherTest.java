package dev.rustwheel.binary.elf.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.binary.elf.DynamicSection;
import dev.rustwheel.binary.elf.ElfClass;
import dev.rustwheel.binary.elf.ElfFile;
import dev.rustwheel.binary.elf.PatchFixtures.Linker;
import dev.rustwheel.binary.elf.PatchFixtures.OldSearchPath;
import dev.rustwheel.binary.elf.PatchFixtures.Pair;
import dev.rustwheel.binary.elf.PatchFixtures;
import dev.rustwheel.binary.elf.Readelf;
import dev.rustwheel.binary.elf.ReadelfLayout;
import dev.rustwheel.overlay.Overlay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Patches gcc-built libraries (GNU ld and lld) and checks them with our reader, readelf and the real loader. */
class ElfPatcherTest {

    private static final String GRAFTED_DEP = "libdep-12345678.so";

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static final Map<String, Pair> BUILT = new HashMap<>();

    static Stream<Arguments> linkersAndSearchPaths() {
        List<Arguments> cases = new ArrayList<>();
        for (Linker linker : Linker.values()) {
            for (OldSearchPath old : OldSearchPath.values()) {
                cases.add(Arguments.of(linker, old));
            }
        }
        return cases.stream();
    }

    /**
     * The repair of a crate whose library needs libdep.so from a build directory: libdep.so is grafted next to
     * libmain.so under a hashed name, and libmain.so finds it there through $ORIGIN once the build directory is
     * gone.
     */
    @ParameterizedTest
    @MethodSource("linkersAndSearchPaths")
    void graftedLibraryLoadsWithItsOriginalDirectoryGone(Linker linker, OldSearchPath old) throws Exception {
        Pair built = PatchFixtures.build(dir.resolve("build"), linker, old);
        Path wheelLibs = Files.createDirectories(dir.resolve("site-packages"));
        Path grafted = wheelLibs.resolve(GRAFTED_DEP);
        Path main = wheelLibs.resolve(PatchFixtures.MAIN);

        ElfPatcher.plan(built.dep(), ElfEdits.none().withSoname(GRAFTED_DEP)).writePatchedCopy(built.dep(), grafted);
        Overlay mainOverlay = ElfPatcher.plan(built.main(), ElfEdits.none()
                .replaceNeeded(PatchFixtures.DEP, GRAFTED_DEP)
                .withSearchPath(SearchPathEdit.rpath("$ORIGIN")));
        mainOverlay.writePatchedCopy(built.main(), main);
        deleteTree(dir.resolve("build"));

        assertEquals(String.valueOf(PatchFixtures.MAIN_VALUE), PatchFixtures.callMainValue(main));
        try (ElfFile elf = ElfFile.open(main)) {
            assertTrue(elf.dynamicSection().needed().contains(GRAFTED_DEP), elf.dynamicSection().needed()::toString);
            assertEquals(Optional.of("$ORIGIN"), elf.dynamicSection().rpath());
            assertEquals(Optional.empty(), elf.dynamicSection().runpath());
        }
        assertTrue(Readelf.dynamicStrings(main).containsAll(List.of("NEEDED " + GRAFTED_DEP, "RPATH $ORIGIN")));
        assertTrue(Readelf.dynamicStrings(grafted).contains("SONAME " + GRAFTED_DEP));
        // the version record now names the grafted file, or the loader would look for DEP_1.0 elsewhere
        assertTrue(versionInfo(main).contains("File: " + GRAFTED_DEP), () -> versionInfo(main));
    }

    enum SonameEdit { KEEP, SET }

    enum PathEdit { KEEP, RPATH, RUNPATH, REMOVE }

    static Stream<Arguments> everyEditCombination() {
        List<Arguments> cases = new ArrayList<>();
        for (Linker linker : Linker.values()) {
            for (OldSearchPath old : OldSearchPath.values()) {
                for (boolean replace : new boolean[] {false, true}) {
                    for (SonameEdit soname : SonameEdit.values()) {
                        for (PathEdit path : PathEdit.values()) {
                            cases.add(Arguments.of(linker, old, replace, soname, path));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    /**
     * Every combination of edits on every layout: at most one new PT_LOAD (exactly one whenever a new string is
     * needed), growth under 2 KiB plus the new strings, and our reader and readelf agree on the result.
     */
    @ParameterizedTest(name = "{0} {1} replace={2} soname={3} path={4}")
    @MethodSource("everyEditCombination")
    void everyEditCombinationAddsAtMostOneSegment(Linker linker, OldSearchPath old, boolean replace,
            SonameEdit soname, PathEdit path) throws Exception {
        Pair built = builtOnce(linker, old);
        String newSoname = "libmain-87654321.so";
        String newPath = "$ORIGIN/../main.libs";
        ElfEdits edits = ElfEdits.none();
        int newStrings = 0;
        if (replace) {
            edits = edits.replaceNeeded(PatchFixtures.DEP, GRAFTED_DEP);
            newStrings += GRAFTED_DEP.length() + 1;
        }
        if (soname == SonameEdit.SET) {
            edits = edits.withSoname(newSoname);
            newStrings += newSoname.length() + 1;
        }
        edits = switch (path) {
            case KEEP -> edits;
            case RPATH -> edits.withSearchPath(SearchPathEdit.rpath(newPath));
            case RUNPATH -> edits.withSearchPath(SearchPathEdit.runpath(newPath));
            case REMOVE -> edits.withSearchPath(SearchPathEdit.remove());
        };
        newStrings += path == PathEdit.RPATH || path == PathEdit.RUNPATH ? newPath.length() + 1 : 0;

        Overlay overlay = ElfPatcher.plan(built.main(), edits);
        Path patched = dir.resolve("patched.so");
        overlay.writePatchedCopy(built.main(), patched);

        long growth = Files.size(patched) - Files.size(built.main());
        assertTrue(growth < 2048 + newStrings, () -> "grew by " + growth + " bytes");
        int addedSegments = ReadelfLayout.loadSegments(patched) - ReadelfLayout.loadSegments(built.main());
        assertEquals(newStrings > 0 ? 1 : 0, addedSegments);
        assertEquals(overlay.appended().length > 0, addedSegments == 1);

        List<String> expected = new ArrayList<>();
        try (ElfFile original = ElfFile.open(built.main())) {
            DynamicSection before = original.dynamicSection();
            before.needed().forEach(n -> expected.add("NEEDED " + (replace && n.equals(PatchFixtures.DEP)
                    ? GRAFTED_DEP : n)));
            if (soname == SonameEdit.SET) {
                expected.add("SONAME " + newSoname);
            }
            switch (path) {
                case KEEP -> {
                    before.rpath().ifPresent(p -> expected.add("RPATH " + p));
                    before.runpath().ifPresent(p -> expected.add("RUNPATH " + p));
                }
                case RPATH -> expected.add("RPATH " + newPath);
                case RUNPATH -> expected.add("RUNPATH " + newPath);
                case REMOVE -> { }
            }
        }
        assertSameEntries(expected, Readelf.dynamicStrings(patched));
        try (ElfFile elf = ElfFile.open(patched)) {
            DynamicSection after = elf.dynamicSection();
            List<String> read = new ArrayList<>();
            after.needed().forEach(n -> read.add("NEEDED " + n));
            after.soname().ifPresent(n -> read.add("SONAME " + n));
            after.rpath().ifPresent(p -> read.add("RPATH " + p));
            after.runpath().ifPresent(p -> read.add("RUNPATH " + p));
            assertSameEntries(expected, read);
            assertEquals(Readelf.exportedSymbols(patched), elf.exportedSymbols());
        }
    }

    /** ELF32: built without libc, which 32-bit multilib may lack; checked by reading, not loading. */
    @ParameterizedTest
    @EnumSource(Linker.class)
    void patchesElf32(Linker linker) throws Exception {
        Pair built = PatchFixtures.build(dir, linker, OldSearchPath.RUNPATH, "-m32", "-nostdlib");
        Path patched = dir.resolve("patched32.so");
        ElfPatcher.plan(built.main(), ElfEdits.none().replaceNeeded(PatchFixtures.DEP, GRAFTED_DEP)
                .withSoname("libmain-87654321.so").withSearchPath(SearchPathEdit.rpath("$ORIGIN")))
                .writePatchedCopy(built.main(), patched);
        assertEquals(ReadelfLayout.loadSegments(built.main()) + 1, ReadelfLayout.loadSegments(patched));
        try (ElfFile elf = ElfFile.open(patched)) {
            assertEquals(ElfClass.ELF32, elf.header().elfClass());
            assertEquals(List.of(GRAFTED_DEP), elf.dynamicSection().needed());
            assertEquals(Optional.of("libmain-87654321.so"), elf.dynamicSection().soname());
            assertEquals(Optional.of("$ORIGIN"), elf.dynamicSection().rpath());
            assertEquals(Optional.empty(), elf.dynamicSection().runpath());
        }
        assertSameEntries(List.of("NEEDED " + GRAFTED_DEP, "SONAME libmain-87654321.so", "RPATH $ORIGIN"),
                Readelf.dynamicStrings(patched));
        assertTrue(versionInfo(patched).contains("File: " + GRAFTED_DEP), () -> versionInfo(patched));
    }

    /** The same entries, DT_NEEDED in the same order (the search order); linkers order the rest freely. */
    private static void assertSameEntries(List<String> expected, List<String> actual) {
        assertEquals(expected.stream().filter(e -> e.startsWith("NEEDED ")).toList(),
                actual.stream().filter(e -> e.startsWith("NEEDED ")).toList());
        assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList());
    }

    private static Pair builtOnce(Linker linker, OldSearchPath old) throws Exception {
        String key = linker + "-" + old;
        Pair pair = BUILT.get(key);
        if (pair == null) {
            pair = PatchFixtures.build(shared.resolve(key), linker, old);
            BUILT.put(key, pair);
        }
        return pair;
    }

    private static String versionInfo(Path file) {
        try {
            Process process = new ProcessBuilder("readelf", "--version-info", "--wide", file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return output;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
