package dev.rustwheel.binary.pe;

import dev.rustwheel.binary.NativeTools;
import dev.rustwheel.overlay.Overlay;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PePatcherTest {

    private static final String BAR = "bar-0123456789abcdef0123456789abcdef.dll";
    private static final String FOO = "foo-fedcba9876543210fedcba9876543210.dll";

    @TempDir
    Path dir;

    /**
     * main.exe → foo.dll → bar.dll, with foo.dll a Rust cdylib (Debian's rustc and Windows std) where available,
     * else a mingw DLL; one wine run, as wine's start-up dominates the cost.
     */
    @Test
    void renamedImportsLoadUnderWine() throws Exception {
        Path build = Files.createDirectories(dir.resolve("build"));
        if (!rustCdylib(build)) {
            PeFixtures.fooImportingBar(build);
        }
        assertEquals(Pefile.describe(build.resolve("foo.dll")), Pefile.describe(PeFile.read(build.resolve("foo.dll"))));
        Path main = NativeTools.mingw(build, "main.exe", PeFixtures.MAIN, build.resolve("foo.dll").toString());
        Path run = Files.createDirectories(dir.resolve("run"));
        // the slack path for the EXE, a new section for foo.dll, the clean bar.dll under its new name
        patch(main, run.resolve("main.exe"), Map.of("FOO.DLL", FOO), true);
        patch(build.resolve("foo.dll"), run.resolve(FOO), Map.of("bar.dll", BAR), false);
        Files.copy(build.resolve("bar.dll"), run.resolve(BAR));

        assertTrue(pefileImports(run.resolve("main.exe")).contains(FOO));
        assertTrue(pefileImports(run.resolve(FOO)).contains(BAR));
        for (Path patched : List.of(run.resolve("main.exe"), run.resolve(FOO))) {
            assertTrue(Pefile.checksumValid(patched), patched + ": pefile rejects the checksum");
            String readobj = NativeTools.check(dir, NativeTools.require("llvm-readobj-14", "llvm-readobj"),
                    "--coff-imports", patched.toString());
            assertTrue(readobj.contains("Name: " + (patched.endsWith("main.exe") ? FOO : BAR)), readobj);
        }
        String wine = NativeTools.require("wine64", "wine", "/usr/lib/wine/wine64");
        NativeTools.Result result = NativeTools.run(run, List.of("env", "WINEDEBUG=-all", wine, "main.exe"));
        assertTrue(result.output().contains("foo(20)=41"), result::output);
    }

    @Test
    void keepsTrailingDataAndTheCleanFile() throws Exception {
        Path foo = PeFixtures.fooImportingBar(dir);
        byte[] clean = Files.readAllBytes(foo);
        PeFile before = PeFile.read(foo);
        Path patched = patch(foo, dir.resolve("patched.dll"), Map.of("bar.dll", BAR), false);

        assertArrayEquals(clean, Files.readAllBytes(foo));
        byte[] after = Files.readAllBytes(patched);
        long end = before.layout().endOfSections();
        // the COFF symbol table after the sections stays byte for byte where its header says it is
        assertArrayEquals(java.util.Arrays.copyOfRange(clean, (int) end, clean.length),
                java.util.Arrays.copyOfRange(after, (int) end, clean.length));
        PeFile reread = PeFile.read(patched);
        assertEquals(before.layout().sections().size() + 1, reread.layout().sections().size());
        assertTrue(reread.neededDlls().contains(BAR));
        assertEquals(Pefile.describe(patched), Pefile.describe(reread));
    }

    /** The checksum is streamed through the file in 1 MiB chunks: an image of several, of odd length, still sums right. */
    @Test
    void aLargeImageOfOddLengthGetsAChecksumPefileAccepts() throws Exception {
        Path bar = NativeTools.mingw(dir, "bar.dll", "__declspec(dllexport) int bar(int x) { return 2 * x; }", "-shared");
        Path big = NativeTools.mingw(dir, "big.dll", "__declspec(dllimport) int bar(int);\n"
                + "__declspec(dllexport) const char table[3 << 20] = {1};\n"
                + "__declspec(dllexport) int foo(int x) { return bar(x) + table[x]; }\n", "-shared", bar.toString());
        // trailing data that makes the length odd
        Files.write(big, new byte[Files.size(big) % 2 == 0 ? 3 : 2], java.nio.file.StandardOpenOption.APPEND);
        assertTrue(Files.size(big) > 3 << 20 && Files.size(big) % 2 == 1, () -> big + " has " + big.toFile().length());

        for (boolean slack : List.of(true, false)) {
            Path patched = patch(big, dir.resolve("patched-" + slack + ".dll"), Map.of("bar.dll", BAR), slack);
            assertTrue(Pefile.checksumValid(patched), patched + ": pefile rejects the checksum");
            assertTrue(pefileImports(patched).contains(BAR));
        }
    }

    @Test
    void renamesMsvcImportsInSlackWithoutTouchingAnUnsetChecksum() throws Exception {
        Path real = NativeTools.resource(dir, "third-party/delvewheel/simpledll-x86.dll");
        Path patched = patch(real, dir.resolve("patched.dll"), Map.of("VCRUNTIME140.dll", "vcruntime140-0123.dll"),
                true);
        PeFile pe = PeFile.read(patched);
        assertEquals("vcruntime140-0123.dll", pe.imports().get(0).dll());
        assertEquals(0, pe.checksum());
        assertEquals(Files.size(real), Files.size(patched), "the name fits in slack");
        assertEquals(Pefile.describe(patched), Pefile.describe(pe));
    }

    @Test
    void changesNothingWhereNoImportMatches() throws Exception {
        Path real = NativeTools.resource(dir, "third-party/delvewheel/simpledll-x64.dll");
        assertTrue(PePatcher.plan(real, Map.of("other.dll", "x.dll")).changesNothing());
    }

    /** Builds foo.dll from Rust for x86_64-pc-windows-gnu; false (and why, logged) where this machine cannot. */
    private static boolean rustCdylib(Path build) throws Exception {
        Path rustc = Path.of("/usr/bin/rustc");
        NativeTools.Result sysroot = Files.isExecutable(rustc)
                ? NativeTools.run(build, List.of(rustc.toString(), "--print", "sysroot")) : null;
        if (sysroot == null || !Files.isDirectory(Path.of(sysroot.output().strip(), "lib/rustlib/x86_64-pc-windows-gnu"))) {
            System.err.println("PePatcherTest: no Rust std for x86_64-pc-windows-gnu (apt-get install rustc"
                    + " libstd-rust-dev-windows); foo.dll is built by mingw instead");
            return false;
        }
        NativeTools.mingw(build, "bar.dll", PeFixtures.BAR, "-shared");
        Files.writeString(build.resolve("lib.rs"), "#[link(name = \"bar\")] extern \"C\" { fn bar(x: i32) -> i32; }\n"
                + "#[no_mangle] pub extern \"C\" fn foo(x: i32) -> i32 { unsafe { bar(x) + 1 } }\n");
        NativeTools.check(build, rustc.toString(), "--crate-type", "cdylib", "--target", "x86_64-pc-windows-gnu", "-C",
                "linker=" + NativeTools.require("x86_64-w64-mingw32-gcc"), "-C", "opt-level=1", "-C", "strip=debuginfo",
                "-L", build.toString(), "-l", "dylib=bar", "lib.rs", "-o", "foo.dll");
        return true;
    }

    private static Path patch(Path clean, Path target, Map<String, String> renames, boolean useSlack)
            throws Exception {
        Overlay overlay = PePatcher.plan(clean, renames, useSlack);
        overlay.writePatchedCopy(clean, target);
        return target;
    }

    private static List<String> pefileImports(Path file) throws Exception {
        return List.of(Pefile.describe(file).split("\\|", -1)[2].split(","));
    }
}
