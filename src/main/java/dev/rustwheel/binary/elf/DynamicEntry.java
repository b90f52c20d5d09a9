package dev.rustwheel.binary.elf;

import java.nio.ByteBuffer;

/** One {@code Elf32_Dyn} / {@code Elf64_Dyn} entry: a tag and a value or address. */
public record DynamicEntry(long tag, long value) {

    public static final long DT_NULL = 0;
    public static final long DT_NEEDED = 1;
    public static final long DT_HASH = 4;
    public static final long DT_STRTAB = 5;
    public static final long DT_SYMTAB = 6;
    public static final long DT_STRSZ = 10;
    public static final long DT_SYMENT = 11;
    public static final long DT_SONAME = 14;
    public static final long DT_RPATH = 15;
    public static final long DT_RUNPATH = 29;
    public static final long DT_GNU_HASH = 0x6ffffef5L;
    public static final long DT_VERSYM = 0x6ffffff0L;
    public static final long DT_VERNEED = 0x6ffffffeL;
    public static final long DT_VERNEEDNUM = 0x6fffffffL;

    /** {@code DT_NEEDED}, {@code DT_RUNPATH}… for messages; other tags in hex. */
    static String tagName(long tag) {
        if (tag == DT_NEEDED) {
            return "DT_NEEDED";
        } else if (tag == DT_SONAME) {
            return "DT_SONAME";
        } else if (tag == DT_RPATH) {
            return "DT_RPATH";
        } else if (tag == DT_RUNPATH) {
            return "DT_RUNPATH";
        }
        return "dynamic tag 0x" + Long.toHexString(tag);
    }

    static DynamicEntry read(ByteBuffer b, ElfClass elfClass) {
        // d_tag is signed (Elf32_Sword / Elf64_Sxword); every tag in use is positive either way
        long tag = elfClass == ElfClass.ELF32 ? b.getInt() : b.getLong();
        return new DynamicEntry(tag, elfClass.readWord(b));
    }
}
