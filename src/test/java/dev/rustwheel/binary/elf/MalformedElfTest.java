package dev.rustwheel.binary.elf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupt inputs must end in an ElfFormatException naming the file and the broken structure. */
class MalformedElfTest {

    // ELF64 header field offsets
    private static final int E_PHOFF = 0x20;
    private static final int E_SHOFF = 0x28;
    private static final int E_PHNUM = 0x38;
    private static final int E_SHNUM = 0x3c;
    private static final int E_SHSTRNDX = 0x3e;

    @TempDir
    Path dir;

    private byte[] library;

    @BeforeEach
    void buildLibrary() throws Exception {
        library = Files.readAllBytes(Gcc.sharedLibrary(dir, "libdemo.so", Gcc.DEMO_SOURCE));
    }

    @Test
    void emptyFile() throws Exception {
        assertOpenFails(new byte[0], "ELF identification (offset 0x0, 16 bytes) ends past the end of the file (0 bytes)");
    }

    @Test
    void notElf() throws Exception {
        assertOpenFails("#!/bin/sh\necho not a library\n".getBytes(), "not an ELF file");
    }

    @Test
    void unknownClassAndDataEncoding() throws Exception {
        assertOpenFails(patched(b -> b.put(4, (byte) 3)), "unknown ELF class 3");
        assertOpenFails(patched(b -> b.put(5, (byte) 0)), "unknown ELF data encoding 0");
    }

    @Test
    void truncatedHeader() throws Exception {
        assertOpenFails(Arrays.copyOf(library, 40), "ELF64 header (offset 0x0, 64 bytes) ends past the end of the file (40 bytes)");
    }

    @Test
    void truncatedBeforeSectionHeaders() throws Exception {
        long shoff = ByteBuffer.wrap(library).order(ByteOrder.LITTLE_ENDIAN).getLong(E_SHOFF);
        byte[] truncated = Arrays.copyOf(library, (int) shoff + 100);
        assertOpenFails(truncated, "section header table (offset 0x" + Long.toHexString(shoff) + ", ");
        assertOpenFails(truncated, "ends past the end of the file (" + truncated.length + " bytes)");
    }

    @Test
    void sectionHeaderOffsetOutOfRange() throws Exception {
        assertOpenFails(patched(b -> b.putLong(E_SHOFF, 0xffff_ffff_ffffL)), "ends past the end of the file");
        assertOpenFails(patched(b -> b.putLong(E_SHOFF, -8)), "ends past the end of the file");
    }

    @Test
    void hugeCounts() throws Exception {
        assertOpenFails(patched(b -> b.putShort(E_SHNUM, (short) 0xfffe)), "65534 entries of 64 bytes");
        assertOpenFails(patched(b -> b.putShort(E_PHNUM, (short) 0xfffe)), "65534 entries of 56 bytes");
        // extended numbering: the count comes from section 0's 64-bit sh_size
        assertOpenFails(patched(b -> b.putShort(E_SHNUM, (short) 0).putLong(shoff(b) + 0x20, Long.MAX_VALUE)),
                "section header table");
    }

    @Test
    void programHeaderOffsetOutOfRange() throws Exception {
        assertOpenFails(patched(b -> b.putLong(E_PHOFF, library.length - 8)), "program header table");
    }

    @Test
    void sectionNameTableIndexOutOfRange() throws Exception {
        assertOpenFails(patched(b -> b.putShort(E_SHSTRNDX, (short) 200)), "section name table index 200 is out of range");
    }

    @Test
    void sectionNameOutsideNameTable() throws Exception {
        // the name of section 1
        assertOpenFails(patched(b -> b.putInt(shoff(b) + 64, 0x7fff_0000)), "is outside the table");
    }

    @Test
    void dynamicStringOutsideTable() throws Exception {
        Path file = write(patched(b -> b.putInt(dynsymOffset(b) + 24, 0x7fff_0000))); // st_name of symbol 1
        try (ElfFile elf = ElfFile.open(file)) {
            ElfFormatException e = assertThrows(ElfFormatException.class, elf::exportedSymbols);
            assertTrue(e.getMessage().contains("is outside the table"), e.getMessage());
        }
    }

    private static int shoff(ByteBuffer b) {
        return (int) b.getLong(E_SHOFF);
    }

    /** Finds .dynsym's file offset by scanning the section headers for SHT_DYNSYM. */
    private static int dynsymOffset(ByteBuffer b) {
        int count = Short.toUnsignedInt(b.getShort(E_SHNUM));
        for (int i = 0; i < count; i++) {
            int header = shoff(b) + i * 64;
            if (b.getInt(header + 4) == SectionHeader.SHT_DYNSYM) {
                return (int) b.getLong(header + 0x18);
            }
        }
        throw new AssertionError("no .dynsym");
    }

    private byte[] patched(Consumer<ByteBuffer> patch) {
        byte[] copy = library.clone();
        patch.accept(ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN));
        return copy;
    }

    private Path write(byte[] bytes) throws Exception {
        return Files.write(Files.createTempFile(dir, "bad", ".so"), bytes);
    }

    private void assertOpenFails(byte[] bytes, String expected) throws Exception {
        Path file = write(bytes);
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ElfFile.open(file).close());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
    }
}
