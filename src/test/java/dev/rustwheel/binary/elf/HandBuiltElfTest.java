package dev.rustwheel.binary.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.binary.elf.symbols.ElfSymbol;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Big-endian and other targets no local compiler builds for, from {@link TinyElf64}. */
class HandBuiltElfTest {

    @TempDir
    Path dir;

    @Test
    void readsBigEndianPpc64() throws Exception {
        TinyElf64 image = new TinyElf64(ByteOrder.BIG_ENDIAN, TinyElf64.EM_PPC64)
                .symbol("PyInit_demo", ElfSymbol.STB_GLOBAL, ElfSymbol.STV_DEFAULT, true)
                .symbol("weak_one", ElfSymbol.STB_WEAK, ElfSymbol.STV_PROTECTED, true)
                .symbol("hidden_one", ElfSymbol.STB_GLOBAL, 2 /* STV_HIDDEN */, true)
                .symbol("local_one", 0 /* STB_LOCAL */, ElfSymbol.STV_DEFAULT, true)
                .symbol("imported", ElfSymbol.STB_GLOBAL, ElfSymbol.STV_DEFAULT, false)
                .needed("libc.so.6").needed("libm.so.6").soname("libdemo.so");
        Path file = write(image);
        try (ElfFile elf = ElfFile.open(file)) {
            assertEquals(ByteOrder.BIG_ENDIAN, elf.header().byteOrder());
            assertEquals(ElfClass.ELF64, elf.header().elfClass());
            assertEquals(Optional.of("ppc64"), elf.architecture());
            assertEquals(List.of("", ".dynstr", ".dynsym", ".dynamic", ".shstrtab"),
                    elf.sectionHeaders().stream().map(SectionHeader::name).toList());
            assertEquals(List.of("PyInit_demo", "weak_one"), elf.exportedSymbols());
            assertEquals(Readelf.exportedSymbols(file), elf.exportedSymbols());
            assertEquals(List.of("NEEDED libc.so.6", "NEEDED libm.so.6", "SONAME libdemo.so"),
                    Readelf.dynamicStrings(file));
            assertEquals(6, elf.dynamicSymbols().size());
            assertEquals(List.of("libc.so.6", "libm.so.6"), elf.dynamicSection().needed());
            assertEquals(Optional.of("libdemo.so"), elf.dynamicSection().soname());
        }
    }

    @Test
    void namesArchitecturesByMachineAndByteOrder() throws Exception {
        assertEquals(Optional.of("ppc64le"), architecture(ByteOrder.LITTLE_ENDIAN, TinyElf64.EM_PPC64));
        assertEquals(Optional.of("s390x"), architecture(ByteOrder.BIG_ENDIAN, TinyElf64.EM_S390));
        assertEquals(Optional.of("aarch64"), architecture(ByteOrder.LITTLE_ENDIAN, 183));
        assertEquals(Optional.of("riscv64"), architecture(ByteOrder.LITTLE_ENDIAN, 243));
        assertEquals(Optional.of("loongarch64"), architecture(ByteOrder.LITTLE_ENDIAN, 258));
        assertEquals(Optional.empty(), architecture(ByteOrder.LITTLE_ENDIAN, 0x1234));
    }

    @Test
    void reportsStringTableWithoutFinalNul() throws Exception {
        TinyElf64 image = new TinyElf64(ByteOrder.BIG_ENDIAN, TinyElf64.EM_PPC64)
                .symbol("PyInit_demo", ElfSymbol.STB_GLOBAL, ElfSymbol.STV_DEFAULT, true)
                .dropFinalNulOfDynstr();
        try (ElfFile elf = ElfFile.open(write(image))) {
            ElfFormatException e = assertThrows(ElfFormatException.class, elf::exportedSymbols);
            assertTrue(e.getMessage().contains("has no terminating NUL"), e.getMessage());
        }
    }

    private Optional<String> architecture(ByteOrder order, int machine) throws Exception {
        try (ElfFile elf = ElfFile.open(write(new TinyElf64(order, machine)))) {
            return elf.architecture();
        }
    }

    private Path write(TinyElf64 image) throws Exception {
        return Files.write(Files.createTempFile(dir, "tiny", ".so"), image.build());
    }
}
