package dev.rustwheel.binary.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Libraries built by gcc here and now, read by ElfFile and cross-checked against readelf. */
class ElfFileTest {

    @TempDir
    Path dir;

    @Test
    void readsHeaderOfNativeSharedLibrary() throws Exception {
        Path lib = Gcc.sharedLibrary(dir, "libdemo.so", Gcc.DEMO_SOURCE);
        try (ElfFile elf = ElfFile.open(lib)) {
            assertEquals(ElfClass.ELF64, elf.header().elfClass());
            assertEquals(ByteOrder.LITTLE_ENDIAN, elf.header().byteOrder());
            assertEquals(ElfType.SHARED_OBJECT, elf.header().type());
            assertEquals(Optional.of(nativeArchitecture()), elf.architecture());
            assertTrue(elf.programHeaders().stream().anyMatch(p -> p.type() == ProgramHeader.PT_DYNAMIC));
            assertEquals(Readelf.sectionNames(lib), elf.sectionHeaders().stream().map(SectionHeader::name).toList());
            assertTrue(elf.section(".dynsym").isPresent());
        }
    }

    @Test
    void exportsOnlyDefinedVisibleGlobalSymbols() throws Exception {
        Path lib = Gcc.sharedLibrary(dir, "libdemo.so",
                "#include <stdio.h>\n" + Gcc.DEMO_SOURCE + "int calls_libc(void) { return puts(\"x\"); }\n");
        try (ElfFile elf = ElfFile.open(lib)) {
            assertTrue(elf.exportsSymbol("PyInit_demo"));
            assertTrue(elf.exportsSymbol("weak_export"));
            assertTrue(elf.exportsSymbol("protected_export"));
            assertTrue(elf.exportsSymbol("exported_data"));
            assertFalse(elf.exportsSymbol("hidden_helper"), "hidden visibility");
            assertFalse(elf.exportsSymbol("static_helper"), "static function");
            assertFalse(elf.exportsSymbol("puts"), "imported, not defined here");
            assertTrue(elf.dynamicSymbols().stream().anyMatch(s -> s.name().equals("puts")));
            assertEquals(Readelf.exportedSymbols(lib), elf.exportedSymbols());
        }
    }

    @Test
    void readsNeededSonameAndRpath() throws Exception {
        Path lib = Gcc.sharedLibrary(dir, "libpaths.so", Gcc.DEMO_SOURCE, "-Wl,--disable-new-dtags",
                "-Wl,-rpath,/x", "-Wl,-soname,libpaths.so.1", "-Wl,--no-as-needed", "-lm");
        try (ElfFile elf = ElfFile.open(lib)) {
            DynamicSection dynamic = elf.dynamicSection();
            assertTrue(dynamic.needed().contains("libm.so.6"), dynamic.needed().toString());
            assertEquals(Optional.of("/x"), dynamic.rpath());
            assertEquals(Optional.empty(), dynamic.runpath());
            assertEquals(Optional.of("libpaths.so.1"), dynamic.soname());
            assertEquals(Readelf.dynamicStrings(lib), describe(dynamic));
        }
    }

    @Test
    void readsRunpath() throws Exception {
        Path lib = Gcc.sharedLibrary(dir, "librunpath.so", Gcc.DEMO_SOURCE, "-Wl,--enable-new-dtags",
                "-Wl,-rpath,$ORIGIN/../lib:/opt/y");
        try (ElfFile elf = ElfFile.open(lib)) {
            assertEquals(Optional.of("$ORIGIN/../lib:/opt/y"), elf.dynamicSection().runpath());
            assertEquals(Optional.empty(), elf.dynamicSection().rpath());
            assertEquals(Readelf.dynamicStrings(lib), describe(elf.dynamicSection()));
        }
    }

    /** Without libc the 32-bit library links even where no 32-bit C runtime is installed. */
    @Test
    void readsElf32() throws Exception {
        Path lib = Gcc.sharedLibrary(dir, "libdemo32.so", Gcc.DEMO_SOURCE, "-m32", "-nostdlib");
        try (ElfFile elf = ElfFile.open(lib)) {
            assertEquals(ElfClass.ELF32, elf.header().elfClass());
            assertEquals(Optional.of("i686"), elf.architecture());
            assertEquals(Readelf.sectionNames(lib), elf.sectionHeaders().stream().map(SectionHeader::name).toList());
            assertTrue(elf.exportsSymbol("PyInit_demo"));
            assertFalse(elf.exportsSymbol("hidden_helper"));
            assertEquals(Readelf.exportedSymbols(lib), elf.exportedSymbols());
        }
    }

    /** Like sstrip: the loader needs no section headers, so the symbols are found through the dynamic section. */
    @ParameterizedTest
    @ValueSource(strings = {"gnu", "sysv"})
    void readsSymbolsWithoutSectionHeaders(String hashStyle) throws Exception {
        Path lib = Gcc.sharedLibrary(dir, "libdemo.so", Gcc.DEMO_SOURCE, "-Wl,--hash-style=" + hashStyle);
        Path stripped = dir.resolve("stripped.so");
        Files.write(stripped, withoutSectionHeaders(Files.readAllBytes(lib)));
        try (ElfFile elf = ElfFile.open(stripped)) {
            assertTrue(elf.sectionHeaders().isEmpty());
            assertEquals(Readelf.exportedSymbols(lib), elf.exportedSymbols());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "sysv"})
    void readsElf32SymbolsWithoutSectionHeaders(String hashStyle) throws Exception {
        Path lib = Gcc.sharedLibrary(dir, "libdemo32.so", Gcc.DEMO_SOURCE, "-m32", "-nostdlib",
                "-Wl,--hash-style=" + hashStyle);
        Path stripped = dir.resolve("stripped32.so");
        Files.write(stripped, withoutSectionHeaders(Files.readAllBytes(lib)));
        try (ElfFile elf = ElfFile.open(stripped)) {
            assertEquals(Readelf.exportedSymbols(lib), elf.exportedSymbols());
        }
    }

    /** Extended numbering: e_shnum 0 and e_shstrndx SHN_XINDEX defer to section header 0. */
    @Test
    void resolvesExtendedSectionNumbering() throws Exception {
        Path lib = Gcc.sharedLibrary(dir, "libdemo.so", Gcc.DEMO_SOURCE);
        byte[] bytes = Files.readAllBytes(lib);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long shoff = b.getLong(0x28);
        int shnum = Short.toUnsignedInt(b.getShort(0x3c));
        int shstrndx = Short.toUnsignedInt(b.getShort(0x3e));
        b.putLong((int) shoff + 0x20, shnum); // section 0 sh_size
        b.putInt((int) shoff + 0x28, shstrndx); // section 0 sh_link
        b.putShort(0x3c, (short) 0).putShort(0x3e, (short) 0xffff);
        Path extended = dir.resolve("extended.so");
        Files.write(extended, bytes);
        try (ElfFile elf = ElfFile.open(extended)) {
            assertEquals(Readelf.sectionNames(lib), elf.sectionHeaders().stream().map(SectionHeader::name).toList());
        }
    }

    /** Zeroes e_shoff, e_shnum and e_shstrndx, for either class (little-endian only, as gcc builds here). */
    static byte[] withoutSectionHeaders(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes[4] == 2) {
            b.putLong(0x28, 0).putShort(0x3c, (short) 0).putShort(0x3e, (short) 0);
        } else {
            b.putInt(0x20, 0).putShort(0x30, (short) 0).putShort(0x32, (short) 0);
        }
        return bytes;
    }

    /** The entries in readelf's words, so the two can be compared in order. */
    private static List<String> describe(DynamicSection dynamic) {
        List<String> described = new ArrayList<>();
        int neededIndex = 0;
        for (DynamicEntry entry : dynamic.entries()) {
            long tag = entry.tag();
            if (tag == DynamicEntry.DT_NEEDED) {
                described.add("NEEDED " + dynamic.needed().get(neededIndex++));
            } else if (tag == DynamicEntry.DT_SONAME) {
                described.add("SONAME " + dynamic.soname().orElseThrow());
            } else if (tag == DynamicEntry.DT_RPATH) {
                described.add("RPATH " + dynamic.rpath().orElseThrow());
            } else if (tag == DynamicEntry.DT_RUNPATH) {
                described.add("RUNPATH " + dynamic.runpath().orElseThrow());
            }
        }
        return described;
    }

    private static String nativeArchitecture() {
        String arch = System.getProperty("os.arch");
        return arch.equals("amd64") ? "x86_64" : arch;
    }
}
