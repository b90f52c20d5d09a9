package dev.rustwheel.binary.elf.symbols;

import dev.rustwheel.binary.elf.ElfClass;
import dev.rustwheel.binary.elf.ElfFormatException;
import dev.rustwheel.binary.elf.StringTable;
import java.nio.ByteBuffer;

/** One symbol table entry ({@code Elf32_Sym} / {@code Elf64_Sym}) with its name resolved. */
public record ElfSymbol(String name, long value, long size, int type, int binding, int visibility,
        int sectionIndex) {

    public static final int STB_GLOBAL = 1;
    public static final int STB_WEAK = 2;
    public static final int STB_GNU_UNIQUE = 10;

    public static final int STV_DEFAULT = 0;
    public static final int STV_PROTECTED = 3;

    public static final int SHN_UNDEF = 0;

    /**
     * Whether another object can bind to this symbol: defined here, with global-like binding and a visibility
     * that lets it out of the object. {@code STB_GNU_UNIQUE} is a global binding the loader unifies
     * process-wide, so it counts as exported too.
     */
    public boolean isExported() {
        boolean globalBinding = binding == STB_GLOBAL || binding == STB_WEAK || binding == STB_GNU_UNIQUE;
        boolean visible = visibility == STV_DEFAULT || visibility == STV_PROTECTED;
        return sectionIndex != SHN_UNDEF && globalBinding && visible;
    }

    /** Decodes one entry, looking its name up in {@code names}. */
    static ElfSymbol read(ByteBuffer b, ElfClass elfClass, StringTable names) throws ElfFormatException {
        long nameOffset = Integer.toUnsignedLong(b.getInt());
        long value;
        long size;
        int info;
        int other;
        int shndx;
        if (elfClass == ElfClass.ELF64) {
            info = Byte.toUnsignedInt(b.get());
            other = Byte.toUnsignedInt(b.get());
            shndx = Short.toUnsignedInt(b.getShort());
            value = b.getLong();
            size = b.getLong();
        } else {
            value = elfClass.readWord(b);
            size = elfClass.readWord(b);
            info = Byte.toUnsignedInt(b.get());
            other = Byte.toUnsignedInt(b.get());
            shndx = Short.toUnsignedInt(b.getShort());
        }
        // st_info packs binding (high nibble) and type (low); visibility is the low two bits of st_other
        return new ElfSymbol(names.at(nameOffset), value, size, info & 0xf, info >>> 4, other & 0x3, shndx);
    }
}
