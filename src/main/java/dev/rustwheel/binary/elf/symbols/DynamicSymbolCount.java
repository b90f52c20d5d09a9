package dev.rustwheel.binary.elf.symbols;

import dev.rustwheel.binary.elf.ElfClass;
import dev.rustwheel.binary.elf.ElfInput;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * How many entries DT_SYMTAB has, for files without section headers: the dynamic section gives no size for the
 * symbol table, but the symbol hash table covers every symbol. DT_HASH states the count outright; DT_GNU_HASH
 * only implies it, through the end of the longest chain.
 */
final class DynamicSymbolCount {

    /** Chains are scanned in blocks, so a corrupt chain with no end marker costs reads bounded by the file. */
    private static final int CHAIN_BLOCK_ENTRIES = 1024;

    private DynamicSymbolCount() {
    }

    static long fromSysvHash(ElfInput input, long offset) throws IOException {
        ByteBuffer header = input.read("DT_HASH header", offset, 8);
        // nchain, after nbucket: the chain array has exactly one entry per symbol
        return Integer.toUnsignedLong(header.getInt(4));
    }

    static long fromGnuHash(ElfInput input, ElfClass elfClass, long offset) throws IOException {
        ByteBuffer header = input.read("DT_GNU_HASH header", offset, 16);
        long bucketCount = Integer.toUnsignedLong(header.getInt());
        long firstHashed = Integer.toUnsignedLong(header.getInt());
        long bloomWords = Integer.toUnsignedLong(header.getInt());
        long bucketsOffset = offset + 16 + bloomWords * elfClass.wordSize();
        ByteBuffer buckets = input.readTable("DT_GNU_HASH buckets", bucketsOffset, bucketCount, 4);

        long highestStart = 0;
        while (buckets.hasRemaining()) {
            highestStart = Math.max(highestStart, Integer.toUnsignedLong(buckets.getInt()));
        }
        if (highestStart == 0) {
            return firstHashed; // no symbol is hashed: only the unhashed ones below symoffset exist
        }
        if (highestStart < firstHashed) {
            throw input.failure("DT_GNU_HASH bucket starts at symbol " + highestStart
                    + ", below the first hashed symbol " + firstHashed);
        }
        // The chain array parallels the symbols from symoffset on; bit 0 set marks the last entry of a chain
        long chainsOffset = bucketsOffset + bucketCount * 4;
        long symbol = highestStart;
        while (true) {
            long entryOffset = chainsOffset + (symbol - firstHashed) * 4;
            long available = (input.size() - entryOffset) / 4;
            if (entryOffset < 0 || available <= 0) {
                throw input.failure("DT_GNU_HASH chain starting at symbol " + highestStart
                        + " runs past the end of the file without an end marker");
            }
            ByteBuffer block = input.readTable("DT_GNU_HASH chain", entryOffset,
                    Math.min(available, CHAIN_BLOCK_ENTRIES), 4);
            while (block.hasRemaining()) {
                if ((block.getInt() & 1) != 0) {
                    return symbol + 1;
                }
                symbol++;
            }
        }
    }
}
