package dev.rustwheel.audit.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustwheel.binary.elf.ElfClass;
import dev.rustwheel.binary.elf.Gcc;
import dev.rustwheel.binary.elf.symbols.LibcKind;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search order as a table on hand-made summaries, then real resolution of libraries gcc builds. */
class LibraryResolverTest {

    @TempDir
    Path dir;

    private static final SearchPaths PATHS = new SearchPaths(List.of(Path.of("/env")), List.of(Path.of("/cargo")),
            List.of(Path.of("/conf")), List.of(Path.of("/lib")));

    private static ElfSummary summary(String path, List<String> rpath, List<String> runpath) {
        return new ElfSummary(Path.of(path), ElfClass.ELF64, ByteOrder.LITTLE_ENDIAN, 62, Optional.of("x86_64"),
                LibcKind.GLIBC, Optional.empty(), List.of(), rpath, runpath);
    }

    @Test
    void rpathComesFirstWithOriginExpanded() throws Exception {
        ElfSummary top = summary("/w/top.so", List.of("$ORIGIN/libs", "/abs"), List.of());
        assertEquals(List.of(Path.of("/w/libs"), Path.of("/abs"), Path.of("/env"), Path.of("/cargo"),
                Path.of("/conf"), Path.of("/lib")), new LibraryResolver(PATHS).searchOrder(top, top));
    }

    @Test
    void runpathDisablesRpathIncludingTheTopLevelOne() throws Exception {
        ElfSummary top = summary("/w/top.so", List.of("/top-rpath"), List.of());
        ElfSummary dep = summary("/d/dep.so", List.of("/dep-rpath"), List.of("${ORIGIN}/../run"));
        assertEquals(List.of(Path.of("/run"), Path.of("/env"), Path.of("/cargo"), Path.of("/conf"), Path.of("/lib")),
                new LibraryResolver(PATHS).searchOrder(dep, top));
        ElfSummary plain = summary("/d/plain.so", List.of("/dep-rpath"), List.of());
        assertEquals(List.of(Path.of("/top-rpath"), Path.of("/dep-rpath"), Path.of("/env"), Path.of("/cargo"),
                Path.of("/conf"), Path.of("/lib")), new LibraryResolver(PATHS).searchOrder(plain, top));
    }

    @Test
    void topLevelRunpathAppliesAfterTheEnvironmentAsInLddtree() throws Exception {
        ElfSummary top = summary("/w/top.so", List.of(), List.of("/top-run", "$LIB/unexpandable", "relative"));
        ElfSummary dep = summary("/d/dep.so", List.of(), List.of());
        assertEquals(List.of(Path.of("/env"), Path.of("/cargo"), Path.of("/top-run"), Path.of("/conf"),
                Path.of("/lib")), new LibraryResolver(PATHS).searchOrder(dep, top));
    }

    @Test
    void resolvesThroughOriginAndSkipsCandidatesOfAnotherClass() throws Exception {
        Path deps = Files.createDirectories(dir.resolve("deps"));
        Path wrongClass = Files.createDirectories(dir.resolve("wrong"));
        Gcc.sharedLibrary(wrongClass, "libdep.so", "int dep(void) { return 1; }\n", "-m32", "-nostdlib",
                "-Wl,-soname,libdep.so");
        Gcc.sharedLibrary(deps, "libdep.so", "#include <stdio.h>\nint dep(void) { return puts(\"x\"); }\n",
                "-Wl,-soname,libdep.so");
        Path top = Gcc.sharedLibrary(dir, "libtop.so", "int dep(void);\nint top(void) { return dep(); }\n",
                "-L" + deps, "-ldep", "-Wl,--disable-new-dtags", "-Wl,-rpath," + wrongClass + ":$ORIGIN/deps");

        Map<String, ResolvedLibrary> libraries = new LibraryResolver(SearchPaths.of(Path.of("/"), null, List.of()))
                .resolve(List.of(ElfSummary.read(top)));

        assertEquals(Optional.of(deps.resolve("libdep.so")), libraries.get("libdep.so").path());
        // libdep's libc.so.6 comes from the system directories (ld.so.conf or the defaults): the walk is transitive
        assertEquals(true, libraries.get("libc.so.6").path().isPresent(), libraries.toString());
    }

    @Test
    void ldLibraryPathAndLinkedPathsFindWhatRpathDoesNot() throws Exception {
        Path viaEnv = Files.createDirectories(dir.resolve("env"));
        Path viaCargo = Files.createDirectories(dir.resolve("cargo"));
        Gcc.sharedLibrary(viaEnv, "libone.so", "int one(void) { return 1; }\n", "-Wl,-soname,libone.so");
        Gcc.sharedLibrary(viaCargo, "libtwo.so", "int two(void) { return 2; }\n", "-Wl,-soname,libtwo.so");
        Path top = Gcc.sharedLibrary(dir, "libtop.so", "int one(void); int two(void);\nint top(void) { return one() + two(); }\n",
                "-L" + viaEnv, "-L" + viaCargo, "-lone", "-ltwo");

        Map<String, ResolvedLibrary> found = new LibraryResolver(SearchPaths.of(Path.of("/"), viaEnv.toString(),
                List.of(viaCargo))).resolve(List.of(ElfSummary.read(top)));
        Map<String, ResolvedLibrary> unfound = new LibraryResolver(SearchPaths.of(Path.of("/"), null, List.of()))
                .resolve(List.of(ElfSummary.read(top)));

        assertEquals(Optional.of(viaEnv.resolve("libone.so")), found.get("libone.so").path());
        assertEquals(Optional.of(viaCargo.resolve("libtwo.so")), found.get("libtwo.so").path());
        assertEquals(Optional.empty(), unfound.get("libone.so").path());
    }
}
