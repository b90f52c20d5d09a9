package dev.rustwheel.binary.macho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.binary.NativeTools;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachOFileTest {

    @TempDir
    Path dir;

    @Test
    void readsAUniversalLibraryAsMacholibAndOtoolDo() throws Exception {
        Path fat = MachOFixtures.universal(dir);
        MachOFile file = MachOFile.read(fat);

        assertTrue(file.fat());
        assertEquals(List.of("x86_64", "arm64"), file.architectures());
        assertEquals(MachoLib.describe(fat), file.slices().stream().map(MachoLib::describe).toList());
        MachOSlice x86 = file.slices().get(0);
        MachOSlice arm = file.slices().get(1);
        assertEquals("@rpath/libfoo.dylib", x86.id().orElseThrow());
        assertEquals(List.of("LOAD @rpath/libbar.dylib", "WEAK @loader_path/libweak.dylib",
                // ld64.lld 14 writes a re-exported library twice, as a load and as a re-export
                "LOAD /opt/vendor/lib/libagain.dylib", "REEXPORT /opt/vendor/lib/libagain.dylib",
                "LOAD /usr/lib/libSystem.B.dylib"),
                x86.dylibs().stream().map(d -> d.kind() + " " + d.installName()).toList());
        assertEquals(List.of("@loader_path/../lib", "/opt/vendor/lib"), x86.rpaths());
        assertEquals("10.12", x86.minimumOs().orElseThrow().toString());
        assertEquals("11.0", arm.minimumOs().orElseThrow().toString());
        assertFalse(x86.signed(), "lld signs arm64 output only, as Apple's linker does");
        assertTrue(arm.signed());
        assertTrue(arm.headerPadding() > 1000, "-headerpad_max_install_names: " + arm.headerPadding());

        String otool = NativeTools.check(dir, NativeTools.require("llvm-otool-14", "llvm-otool"), "-L", "-arch",
                "arm64", fat.toString());
        for (DylibReference dylib : arm.dylibs()) {
            assertTrue(otool.contains(dylib.installName() + " ("), () -> dylib + " missing in " + otool);
        }
    }

    @Test
    void readsTightlyLinkedThinLibrariesWithLittlePadding() throws Exception {
        Path thin = MachOFixtures.libfoo(dir, "arm64", "11.0", false);
        MachOFile file = MachOFile.read(thin);

        assertFalse(file.fat());
        assertEquals(MachoLib.describe(thin), file.slices().stream().map(MachoLib::describe).toList());
        assertTrue(file.slices().get(0).headerPadding() < 200);
    }

    @Test
    void readsApplesOutputIncluding32BitSlicesAndLinkerSignatures() throws Exception {
        for (String name : List.of("np-1.6.0_intel_lib__compiled_base.so", "libam1.dylib")) {
            Path real = NativeTools.resource(dir, "third-party/delocate/" + name);
            assertEquals(MachoLib.describe(real), MachOFile.read(real).slices().stream().map(MachoLib::describe)
                    .toList(), name);
        }
        MachOFile intel = MachOFile.read(dir.resolve("np-1.6.0_intel_lib__compiled_base.so"));
        assertEquals(List.of("x86_64", "i386"), intel.architectures());
        assertFalse(intel.slices().get(1).is64());
        assertEquals("LC_VERSION_MIN_MACOSX", intel.slices().get(1).minimumOs().orElseThrow().source());
        MachOSlice arm = MachOFile.read(dir.resolve("libam1.dylib")).slices().get(0);
        assertEquals("arm64", arm.architecture());
        assertTrue(arm.signed());
    }

    @Test
    void readsBigEndianHeaders() throws IOException {
        MachOSlice slice = MachOFile.parse(Path.of("ppc.dylib"), bigEndianPpcLibrary("/usr/lib/libfoo.dylib"))
                .slices().get(0);

        assertEquals(ByteOrder.BIG_ENDIAN, slice.order());
        assertEquals("ppc", slice.architecture());
        assertEquals("/usr/lib/libfoo.dylib", slice.id().orElseThrow());
        assertEquals("10.4", slice.minimumOs().orElseThrow().toString());
    }

    @Test
    void tellsMachOFromJavaClassFilesAndOtherBytes() {
        assertTrue(MachOFile.hasMagic(new byte[] {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe}));
        assertFalse(MachOFile.hasMagic(new byte[] {0x7f, 'E', 'L', 'F'}));
        byte[] classFile = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61, 0, 0, 0, 0};
        MachOFormatException e = assertThrows(MachOFormatException.class,
                () -> MachOFile.parse(Path.of("A.class"), classFile));
        assertTrue(e.getMessage().startsWith("A.class: fat header declares 61 architectures"), e.getMessage());
    }

    @Test
    void namesTheBrokenStructure() throws IOException {
        byte[] good = bigEndianPpcLibrary("/usr/lib/libfoo.dylib");

        byte[] hugeCommand = good.clone();
        ByteBuffer.wrap(hugeCommand).putInt(28 + 4, 0x7fffffff);
        assertMessage(hugeCommand, "load command 0 (cmd 0xd) has cmdsize 2147483647");

        byte[] nameOutside = good.clone();
        ByteBuffer.wrap(nameOutside).putInt(28 + 8, 4000);
        assertMessage(nameOutside, "puts its name at offset 4000, outside the command");

        assertMessage(Arrays.copyOf(good, 40), "extend past the end of the slice");
    }

    private static void assertMessage(byte[] bytes, String expected) {
        MachOFormatException e = assertThrows(MachOFormatException.class,
                () -> MachOFile.parse(Path.of("x.dylib"), bytes));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** A minimal big-endian 32-bit PowerPC dylib header: LC_ID_DYLIB and LC_VERSION_MIN_MACOSX 10.4. */
    static byte[] bigEndianPpcLibrary(String id) {
        byte[] name = (id + "\0").getBytes(StandardCharsets.UTF_8);
        int idSize = (24 + name.length + 3) & ~3;
        int commands = idSize + 16;
        ByteBuffer b = ByteBuffer.allocate(28 + commands + 64).order(ByteOrder.BIG_ENDIAN);
        b.putInt(MachOFile.MH_MAGIC).putInt(18).putInt(0).putInt(6).putInt(2).putInt(commands).putInt(0);
        b.putInt(LoadCommand.ID_DYLIB).putInt(idSize).putInt(24).putInt(0).putInt(0x10000).putInt(0x10000).put(name);
        b.position(28 + idSize);
        b.putInt(LoadCommand.VERSION_MIN_MACOSX).putInt(16).putInt(0x000a0400).putInt(0x000a0400);
        return b.array();
    }
}
