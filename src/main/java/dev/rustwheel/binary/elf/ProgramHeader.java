package dev.rustwheel.binary.elf;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/** One program header ({@code Elf32_Phdr} / {@code Elf64_Phdr}): a segment as the loader sees it. */
public record ProgramHeader(
        int type, int flags, long offset, long virtualAddress, long physicalAddress,
        long fileSize, long memorySize, long alignment) {

    public static final int PT_LOAD = 1;
    public static final int PT_DYNAMIC = 2;
    public static final int PT_INTERP = 3;

    /** Whether {@code address} lies in the part of this segment that comes from the file. */
    boolean containsInFile(long address) {
        return Long.compareUnsigned(address, virtualAddress) >= 0
                && Long.compareUnsigned(address - virtualAddress, fileSize) < 0;
    }

    /** The first of {@code headers} of {@code type}: a loop, where a stream's lambda costs a cold JVM more. */
    static Optional<ProgramHeader> first(List<ProgramHeader> headers, int type) {
        for (ProgramHeader header : headers) {
            if (header.type() == type) {
                return Optional.of(header);
            }
        }
        return Optional.empty();
    }

    static ProgramHeader read(ByteBuffer b, ElfClass elfClass) {
        int type = b.getInt();
        if (elfClass == ElfClass.ELF64) {
            // Elf64_Phdr moves p_flags up next to p_type, to keep the 64-bit fields aligned
            int flags = b.getInt();
            return new ProgramHeader(type, flags, b.getLong(), b.getLong(), b.getLong(), b.getLong(),
                    b.getLong(), b.getLong());
        }
        long offset = elfClass.readWord(b);
        long vaddr = elfClass.readWord(b);
        long paddr = elfClass.readWord(b);
        long filesz = elfClass.readWord(b);
        long memsz = elfClass.readWord(b);
        int flags = b.getInt();
        long align = elfClass.readWord(b);
        return new ProgramHeader(type, flags, offset, vaddr, paddr, filesz, memsz, align);
    }
}
