package dev.rustwheel.binary.elf;

import java.nio.ByteBuffer;

/** One section header ({@code Elf32_Shdr} / {@code Elf64_Shdr}), with its name resolved from the name table. */
public record SectionHeader(
        String name, int nameOffset, int type, long flags, long address, long offset, long size,
        int link, int info, long alignment, long entrySize) {

    public static final int SHT_STRTAB = 3;
    public static final int SHT_DYNSYM = 11;

    SectionHeader withName(String resolved) {
        return new SectionHeader(resolved, nameOffset, type, flags, address, offset, size, link, info,
                alignment, entrySize);
    }

    /** Decodes one entry; the name stays empty until the section name table has been read. */
    static SectionHeader read(ByteBuffer b, ElfClass elfClass) {
        int nameOffset = b.getInt();
        int type = b.getInt();
        long flags = elfClass.readWord(b);
        long address = elfClass.readWord(b);
        long offset = elfClass.readWord(b);
        long size = elfClass.readWord(b);
        int link = b.getInt();
        int info = b.getInt();
        long alignment = elfClass.readWord(b);
        long entrySize = elfClass.readWord(b);
        return new SectionHeader("", nameOffset, type, flags, address, offset, size, link, info, alignment,
                entrySize);
    }
}
