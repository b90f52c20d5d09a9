package dev.rustwheel.binary.elf.patch;

import dev.rustwheel.binary.elf.DynamicEntry;
import dev.rustwheel.binary.elf.ElfClass;
import dev.rustwheel.binary.elf.ProgramHeader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes ELF structures in a file's class and byte order: the inverse of the readers' decoding. */
final class ElfEncoder {

    private final ElfClass elfClass;
    private final ByteOrder order;

    ElfEncoder(ElfClass elfClass, ByteOrder order) {
        this.elfClass = elfClass;
        this.order = order;
    }

    ByteBuffer allocate(long size) {
        return ByteBuffer.allocate(Math.toIntExact(size)).order(order);
    }

    void putWord(ByteBuffer b, long value) {
        if (elfClass == ElfClass.ELF64) {
            b.putLong(value);
        } else {
            b.putInt((int) value);
        }
    }

    void putWord(ByteBuffer b, int index, long value) {
        if (elfClass == ElfClass.ELF64) {
            b.putLong(index, value);
        } else {
            b.putInt(index, (int) value);
        }
    }

    void putProgramHeader(ByteBuffer b, ProgramHeader p) {
        b.putInt(p.type());
        if (elfClass == ElfClass.ELF64) {
            b.putInt(p.flags());
        }
        putWord(b, p.offset());
        putWord(b, p.virtualAddress());
        putWord(b, p.physicalAddress());
        putWord(b, p.fileSize());
        putWord(b, p.memorySize());
        if (elfClass == ElfClass.ELF32) {
            b.putInt(p.flags());
        }
        putWord(b, p.alignment());
    }

    void putDynamicEntry(ByteBuffer b, DynamicEntry entry) {
        putWord(b, entry.tag());
        putWord(b, entry.value());
    }
}
