package dev.rustwheel.binary.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * The ELF header as stored. The counts and the name-table index are the raw fields: when they overflow 16 bits
 * the real values live in section header 0 ({@code PN_XNUM}, {@code SHN_XINDEX}), which {@link ElfFile}
 * resolves.
 */
public record ElfHeader(
        ElfClass elfClass,
        ByteOrder byteOrder,
        int osAbi,
        ElfType type,
        int machine,
        long entry,
        long programHeaderOffset,
        long sectionHeaderOffset,
        int flags,
        int programHeaderEntrySize,
        int programHeaderCount,
        int sectionHeaderEntrySize,
        int sectionHeaderCount,
        int sectionNameTableIndex) {

    private static final int IDENT_SIZE = 16;
    private static final int EI_CLASS = 4;
    private static final int EI_DATA = 5;
    private static final int EI_OSABI = 7;

    /** The architecture name wheel tags use ({@code x86_64}, {@code aarch64}, {@code ppc64le}…), if known. */
    public Optional<String> architecture() {
        return ArchitectureNames.of(machine, elfClass, byteOrder);
    }

    static ElfHeader read(ElfInput input) throws IOException {
        ByteBuffer ident = input.read("ELF identification", 0, IDENT_SIZE);
        if (ident.get(0) != 0x7f || ident.get(1) != 'E' || ident.get(2) != 'L' || ident.get(3) != 'F') {
            throw input.failure("not an ELF file (the first four bytes are not 0x7f 'E' 'L' 'F')");
        }
        int classCode = Byte.toUnsignedInt(ident.get(EI_CLASS));
        ElfClass elfClass = switch (classCode) {
            case 1 -> ElfClass.ELF32;
            case 2 -> ElfClass.ELF64;
            default -> throw input.failure("unknown ELF class " + classCode + " (expected 1 or 2)");
        };
        int dataCode = Byte.toUnsignedInt(ident.get(EI_DATA));
        ByteOrder order = switch (dataCode) {
            case 1 -> ByteOrder.LITTLE_ENDIAN;
            case 2 -> ByteOrder.BIG_ENDIAN;
            default -> throw input.failure("unknown ELF data encoding " + dataCode + " (expected 1 or 2)");
        };
        int osAbi = Byte.toUnsignedInt(ident.get(EI_OSABI));

        ByteBuffer b = input.withOrder(order).read(elfClass + " header", 0, elfClass.headerSize());
        b.position(IDENT_SIZE);
        ElfType type = ElfType.of(Short.toUnsignedInt(b.getShort()));
        int machine = Short.toUnsignedInt(b.getShort());
        b.getInt(); // e_version: nothing but version 1 was ever defined, and loaders do not check it
        long entry = elfClass.readWord(b);
        long phoff = elfClass.readWord(b);
        long shoff = elfClass.readWord(b);
        int flags = b.getInt();
        b.getShort(); // e_ehsize: the class already fixes the header size
        int phentsize = Short.toUnsignedInt(b.getShort());
        int phnum = Short.toUnsignedInt(b.getShort());
        int shentsize = Short.toUnsignedInt(b.getShort());
        int shnum = Short.toUnsignedInt(b.getShort());
        int shstrndx = Short.toUnsignedInt(b.getShort());
        return new ElfHeader(elfClass, order, osAbi, type, machine, entry, phoff, shoff, flags,
                phentsize, phnum, shentsize, shnum, shstrndx);
    }
}
