package dev.rustwheel.binary.elf;

import java.nio.ByteBuffer;

/** {@code EI_CLASS}: the width of addresses and offsets, which fixes the size and layout of every structure. */
public enum ElfClass {
    ELF32(52, 32, 40, 16, 8, 4),
    ELF64(64, 56, 64, 24, 16, 8);

    private final int headerSize;
    private final int programHeaderSize;
    private final int sectionHeaderSize;
    private final int symbolSize;
    private final int dynamicEntrySize;
    private final int wordSize;

    ElfClass(int headerSize, int programHeaderSize, int sectionHeaderSize, int symbolSize,
            int dynamicEntrySize, int wordSize) {
        this.headerSize = headerSize;
        this.programHeaderSize = programHeaderSize;
        this.sectionHeaderSize = sectionHeaderSize;
        this.symbolSize = symbolSize;
        this.dynamicEntrySize = dynamicEntrySize;
        this.wordSize = wordSize;
    }

    /** Size of the whole ELF header, identification included. */
    public int headerSize() {
        return headerSize;
    }

    public int programHeaderSize() {
        return programHeaderSize;
    }

    public int sectionHeaderSize() {
        return sectionHeaderSize;
    }

    public int symbolSize() {
        return symbolSize;
    }

    public int dynamicEntrySize() {
        return dynamicEntrySize;
    }

    /** Size of an address, offset or size field ({@code Elf32_Addr} / {@code Elf64_Xword} and friends). */
    public int wordSize() {
        return wordSize;
    }

    /**
     * Reads one class-sized field. ELF64 values of 2^63 and above come back negative; callers treat every
     * offset or size that does not fit the file as out of range, so no unsigned arithmetic leaks further.
     */
    public long readWord(ByteBuffer buffer) {
        return this == ELF32 ? Integer.toUnsignedLong(buffer.getInt()) : buffer.getLong();
    }
}
