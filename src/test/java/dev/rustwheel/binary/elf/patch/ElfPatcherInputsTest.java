package dev.rustwheel.binary.elf.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.binary.elf.DynamicEntry;
import dev.rustwheel.binary.elf.ElfFile;
import dev.rustwheel.binary.elf.ElfFormatException;
import dev.rustwheel.binary.elf.Gcc;
import dev.rustwheel.binary.elf.PatchFixtures;
import dev.rustwheel.binary.elf.ProgramHeader;
import dev.rustwheel.binary.elf.Readelf;
import dev.rustwheel.binary.elf.ReadelfLayout;
import dev.rustwheel.binary.elf.TinyElf64;
import dev.rustwheel.binary.elf.symbols.ElfSymbol;
import dev.rustwheel.overlay.Overlay;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Byte orders no local compiler emits, refused file kinds, and corrupt inputs. */
class ElfPatcherInputsTest {

    private static final ElfEdits ALL_EDITS = ElfEdits.none().replaceNeeded("libm.so.6", "libm-0badcafe.so.6")
            .withSoname("libdemo-12345678.so").withSearchPath(SearchPathEdit.rpath("$ORIGIN/../demo.libs"));

    @TempDir
    Path dir;

    @Test
    void patchesBigEndianPpc64() throws Exception {
        Path file = Files.write(dir.resolve("libdemo.so"), new TinyElf64(ByteOrder.BIG_ENDIAN, TinyElf64.EM_PPC64)
                .symbol("PyInit_demo", ElfSymbol.STB_GLOBAL, ElfSymbol.STV_DEFAULT, true)
                .needed("libc.so.6").needed("libm.so.6").soname("libdemo.so").build());
        Path patched = dir.resolve("patched.so");
        Overlay overlay = ElfPatcher.plan(file, ALL_EDITS);
        overlay.writePatchedCopy(file, patched);

        assertEquals(ReadelfLayout.loadSegments(file) + 1, ReadelfLayout.loadSegments(patched));
        assertEquals(List.of("NEEDED libc.so.6", "NEEDED libm-0badcafe.so.6", "SONAME libdemo-12345678.so",
                "RPATH $ORIGIN/../demo.libs"), Readelf.dynamicStrings(patched));
        try (ElfFile elf = ElfFile.open(patched)) {
            assertEquals(List.of("libc.so.6", "libm-0badcafe.so.6"), elf.dynamicSection().needed());
            assertEquals(Optional.of("libdemo-12345678.so"), elf.dynamicSection().soname());
            assertEquals(Optional.of("$ORIGIN/../demo.libs"), elf.dynamicSection().rpath());
            assertEquals(List.of("PyInit_demo"), elf.exportedSymbols());
            ProgramHeader added = elf.programHeaders().get(1);
            assertEquals(ProgramHeader.PT_LOAD, added.type());
            // 64 KiB pages on ppc64: congruent, not padded
            assertEquals(added.offset() % 0x10000, added.virtualAddress() % 0x10000);
            assertTrue(added.offset() - Files.size(file) < 8);
        }
    }

    @Test
    void removingTheSearchPathIsDoneInPlace() throws Exception {
        Path file = PatchFixtures.build(dir, PatchFixtures.Linker.LLD, PatchFixtures.OldSearchPath.RUNPATH).main();
        Overlay overlay = ElfPatcher.plan(file, ElfEdits.none().withSearchPath(SearchPathEdit.remove()));
        assertEquals(0, overlay.appended().length);
        assertEquals(Files.size(file), overlay.patchedSize());
        Path patched = dir.resolve("patched.so");
        overlay.writePatchedCopy(file, patched);
        try (ElfFile elf = ElfFile.open(patched)) {
            assertEquals(Optional.empty(), elf.dynamicSection().runpath());
            assertEquals(Optional.empty(), elf.dynamicSection().rpath());
        }
    }

    @Test
    void noEditsLeaveTheFileAlone() throws Exception {
        Path file = Gcc.sharedLibrary(dir, "libdemo.so", Gcc.DEMO_SOURCE);
        assertTrue(ElfPatcher.plan(file, ElfEdits.none()).changesNothing());
        // a replacement for a library the file does not need is no edit either, as auditwheel expects
        assertTrue(ElfPatcher.plan(file, ElfEdits.none().replaceNeeded("libabsent.so", "libx.so")).changesNothing());
    }

    @Test
    void refusesObjectFile() throws Exception {
        Path file = corrupted(b -> b.putShort(16, (short) 1));
        UnpatchableElfException e = assertThrows(UnpatchableElfException.class, () -> ElfPatcher.plan(file, ALL_EDITS));
        assertTrue(e.getMessage().contains("not a shared library or an executable (e_type is RELOCATABLE"), e.getMessage());
    }

    @Test
    void refusesFileWithoutDynamicSection() throws Exception {
        Path file = corrupted(b -> b.putInt(dynamicHeader(b), 0 /* PT_NULL */));
        UnpatchableElfException e = assertThrows(UnpatchableElfException.class, () -> ElfPatcher.plan(file, ALL_EDITS));
        assertTrue(e.getMessage().contains("no dynamic section (no PT_DYNAMIC)"), e.getMessage());
    }

    @Test
    void reportsDynamicSectionWithoutTerminator() throws Exception {
        Path file = corrupted(b -> {
            int header = dynamicHeader(b);
            long entries = 0;
            while (b.getLong((int) (b.getLong(header + 8) + entries * 16)) != 0) {
                entries++;
            }
            b.putLong(header + 32, entries * 16); // p_filesz now ends before the DT_NULL
        });
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ElfPatcher.plan(file, ALL_EDITS));
        assertTrue(e.getMessage().contains("dynamic section (PT_DYNAMIC) has no DT_NULL among its"), e.getMessage());
    }

    @Test
    void reportsVersionNeedChainGoingBackwards() throws Exception {
        Path built = PatchFixtures.build(dir, PatchFixtures.Linker.BFD, PatchFixtures.OldSearchPath.NONE).main();
        long verneed;
        try (ElfFile elf = ElfFile.open(built)) {
            verneed = elf.section(".gnu.version_r").orElseThrow().offset();
        }
        byte[] bytes = Files.readAllBytes(built);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt((int) verneed + 12, 4);
        Path file = Files.write(dir.resolve("badverneed.so"), bytes);
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ElfPatcher.plan(file, ALL_EDITS));
        // the reader's own check: the patcher refuses what the reader refuses
        assertTrue(e.getMessage().contains("version need 0 (libc.so.6) has vn_next 4, less than the record's own 16"),
                e.getMessage());
    }

    @Test
    void refusesLoadSegmentWithMoreFileThanMemory() throws Exception {
        Path file = corrupted(b -> {
            int load = firstHeader(b, ProgramHeader.PT_LOAD);
            b.putLong(load + 32, b.getLong(load + 40) + 0x10); // p_filesz past p_memsz
        });
        UnpatchableElfException e = assertThrows(UnpatchableElfException.class, () -> ElfPatcher.plan(file, ALL_EDITS));
        assertTrue(e.getMessage().contains("program header 0 (PT_LOAD at offset 0x0, address 0x0) has p_filesz 0x"),
                e.getMessage());
        assertTrue(e.getMessage().contains("larger than p_memsz"), e.getMessage());
    }

    /**
     * DT_VERNEED pointing into .dynamic (a Verneed record written into a spare DT_NULL slot, naming libdep.so):
     * the reader accepts it, but rewriting both vn_file and .dynamic would have each undo the other.
     */
    @Test
    void refusesVersionNeedsInsideTheDynamicSection() throws Exception {
        Path built = PatchFixtures.build(dir, PatchFixtures.Linker.BFD, PatchFixtures.OldSearchPath.NONE).main();
        byte[] bytes = Files.readAllBytes(built);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int dynamic = firstHeader(b, ProgramHeader.PT_DYNAMIC);
        int dynamicOffset = (int) b.getLong(dynamic + 8);
        long dynamicAddress = b.getLong(dynamic + 16);
        int terminator = dynamicOffset;
        long depName = -1;
        for (; b.getLong(terminator) != 0; terminator += 16) {
            if (depName < 0 && b.getLong(terminator) == DynamicEntry.DT_NEEDED) {
                depName = b.getLong(terminator + 8); // libdep.so: linked first
            }
        }
        int spare = terminator + 16; // after the DT_NULL the loader stops at, so the entries stay as they were
        assertTrue(spare + 16 <= dynamicOffset + b.getLong(dynamic + 32), "bfd left no second spare slot");
        b.putShort(spare, (short) 1).putShort(spare + 2, (short) 0).putInt(spare + 4, (int) depName)
                .putInt(spare + 8, 0).putInt(spare + 12, 0);
        for (int at = dynamicOffset; at < terminator; at += 16) {
            if (b.getLong(at) == DynamicEntry.DT_VERNEED) {
                b.putLong(at + 8, dynamicAddress + (spare - dynamicOffset));
            } else if (b.getLong(at) == DynamicEntry.DT_VERNEEDNUM) {
                b.putLong(at + 8, 1);
            }
        }
        Path file = Files.write(dir.resolve("verneed-in-dynamic.so"), bytes);
        UnpatchableElfException e = assertThrows(UnpatchableElfException.class, () -> ElfPatcher.plan(file,
                ElfEdits.none().replaceNeeded(PatchFixtures.DEP, "libdep-12345678.so")));
        assertTrue(e.getMessage().contains("its dynamic section (PT_DYNAMIC) (offset 0x"), e.getMessage());
        assertTrue(e.getMessage().contains("and its version need file name (vn_file of libdep.so)"), e.getMessage());
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
    }

    @Test
    void reportsNonElfInput() throws Exception {
        Path file = Files.writeString(dir.resolve("libfake.so"), "/* GNU ld script */\nINPUT(-lfoo)\n");
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ElfPatcher.plan(file, ALL_EDITS));
        assertTrue(e.getMessage().startsWith(file + ": not an ELF file"), e.getMessage());
    }

    @Test
    void rejectsNamesAStringTableCannotHold() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ElfEdits.none().withSoname("lib\0x.so"));
        assertTrue(e.getMessage().contains("DT_SONAME value 'lib\\0x.so' is empty or contains a NUL byte"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SearchPathEdit.rpath(""));
        assertThrows(IllegalArgumentException.class, () -> ElfEdits.none().replaceNeeded("", "libx.so"));
        assertThrows(IllegalArgumentException.class, () -> new SearchPathEdit(SearchPathEdit.Kind.REMOVE, "/x"));
    }

    private Path corrupted(Consumer<ByteBuffer> edit) throws Exception {
        byte[] bytes = Files.readAllBytes(Gcc.sharedLibrary(dir, "libdemo.so", "int f(void) { return 1; }\n",
                "-Wl,--no-as-needed", "-lm"));
        edit.accept(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
        return Files.write(dir.resolve("corrupt.so"), bytes);
    }

    /** Offset of the PT_DYNAMIC entry in a little-endian ELF64 image. */
    private static int dynamicHeader(ByteBuffer b) {
        return firstHeader(b, ProgramHeader.PT_DYNAMIC);
    }

    /** Offset of the first program header of {@code type} in a little-endian ELF64 image. */
    private static int firstHeader(ByteBuffer b, int type) {
        int phoff = (int) b.getLong(0x20);
        for (int i = 0; i < b.getShort(0x38); i++) {
            if (b.getInt(phoff + i * 56) == type) {
                return phoff + i * 56;
            }
        }
        throw new AssertionError("no program header of type " + type);
    }
}
