package dev.rustwheel.binary.macho;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.binary.NativeTools;
import dev.rustwheel.overlay.Overlay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachOPatcherTest {

    private static final MachOEdits DELOCATE = new MachOEdits(
            Map.of("@rpath/libbar.dylib", "@loader_path/../.dylibs/libbar.dylib"),
            Optional.of("/DLC/pkg/.dylibs/libfoo.dylib"), List.of("/opt/vendor/lib", "@loader_path/../lib"),
            List.of("@loader_path/../.dylibs"));

    @TempDir
    Path dir;

    @Test
    void rewritesEverySliceOfAUniversalLibraryAndKeepsItsSignatureValid() throws Exception {
        Path fat = MachOFixtures.universal(dir);
        byte[] clean = Files.readAllBytes(fat);
        assertEquals("0x1000007 unsigned\n0x100000c ok", SignatureCheck.check(fat));

        Path patched = patch(fat, DELOCATE);

        assertArrayEquals(clean, Files.readAllBytes(fat), "the clean file is never touched");
        assertEquals(Files.size(fat), Files.size(patched));
        for (String slice : MachoLib.describe(patched)) {
            String[] fields = slice.split("\\|", -1);
            assertEquals("LOAD @loader_path/../.dylibs/libbar.dylib,WEAK @loader_path/libweak.dylib,"
                    + "LOAD /opt/vendor/lib/libagain.dylib,REEXPORT /opt/vendor/lib/libagain.dylib,"
                    + "LOAD /usr/lib/libSystem.B.dylib", fields[1]);
            assertEquals("/DLC/pkg/.dylibs/libfoo.dylib", fields[2]);
            assertEquals("@loader_path/../.dylibs", fields[3]);
        }
        assertEquals("0x1000007 unsigned\n0x100000c ok", SignatureCheck.check(patched));
        String otool = NativeTools.check(dir, NativeTools.require("llvm-otool-14", "llvm-otool"), "-L", "-arch",
                "arm64", patched.toString());
        assertTrue(otool.contains("@loader_path/../.dylibs/libbar.dylib ("), otool);
        // llvm's own checker agrees the arm64 slice's signature still covers the file
        String objdump = NativeTools.check(dir, NativeTools.require("llvm-objdump-14", "llvm-objdump"),
                "--macho", "--private-headers", "--arch=arm64", patched.toString());
        assertTrue(objdump.contains("LC_CODE_SIGNATURE"), objdump);
    }

    @Test
    void reSignsApplesLinkerSignedLibrary() throws Exception {
        Path real = NativeTools.resource(dir, "third-party/delocate/libam1.dylib");
        Path patched = patch(real, new MachOEdits(Map.of("/usr/lib/libc++.1.dylib", "@loader_path/c++.dylib"),
                Optional.of("@loader_path/libam1.dylib"), List.of(), List.of()));

        assertEquals("0x100000c ok", SignatureCheck.check(patched));
        assertTrue(MachoLib.describe(patched).get(0).contains("|@loader_path/libam1.dylib|"));
    }

    @Test
    void refusesEditsThatDoNotFitTheHeaderPaddingNamingTheBytes() throws Exception {
        Path tight = MachOFixtures.libfoo(dir, "x86_64", "10.12", false);
        MachOSlice slice = MachOFile.read(tight).slices().get(0);
        String longName = "@loader_path/" + "x".repeat((int) slice.headerPadding() + 64) + "/libbar.dylib";

        UnpatchableMachOException e = assertThrows(UnpatchableMachOException.class,
                () -> MachOPatcher.plan(tight, MachOEdits.changes(Map.of("@rpath/libbar.dylib", longName))));
        assertTrue(e.getMessage().matches("(?s).*x86_64 slice's load commands would need \\d+ bytes, but only "
                + (slice.firstSectionOffset() - 32) + " fit before its first section.*headerpad_max_install_names.*"),
                e.getMessage());
    }

    @Test
    void changesNothingWhereNothingMatches() throws Exception {
        Path fat = MachOFixtures.universal(dir);
        assertTrue(MachOPatcher.plan(fat, MachOEdits.changes(Map.of("@rpath/other.dylib", "x"))).changesNothing());
    }

    private Path patch(Path clean, MachOEdits edits) throws Exception {
        Overlay overlay = MachOPatcher.plan(clean, edits);
        Path patched = dir.resolve("patched-" + clean.getFileName());
        overlay.writePatchedCopy(clean, patched);
        return patched;
    }
}
