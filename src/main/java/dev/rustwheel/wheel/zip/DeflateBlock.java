package dev.rustwheel.wheel.zip;

import dev.rustwheel.wheel.deflate.BlockCompressor;
import java.util.zip.CRC32;

/**
 * Compresses one block of an entry independently of the others, so that blocks can be compressed on any thread
 * in any order and still join into one deflate stream: the block may refer back into the 32 KiB that precede it
 * (back-references into the previous block cost nothing in size), and ends on a byte boundary, or with the
 * final-block bit for the entry's last block ({@link BlockCompressor}). The output depends only on the dictionary,
 * the data, the level and whether the block is last, never on which thread ran it.
 */
final class DeflateBlock {

    /** Deflate's window: back-references reach at most this far. */
    static final int WINDOW = BlockCompressor.WINDOW;

    private DeflateBlock() {
    }

    /** A compressed block and the CRC-32 of its uncompressed bytes. */
    record Compressed(byte[] bytes, int length, long crc, int inputLength) {
    }

    /**
     * @param dictionary the bytes just before the block (up to {@link #WINDOW} of them are used), or empty for the
     *                   entry's first block
     * @param data       holds the block in its first {@code length} bytes
     */
    static Compressed compress(int level, byte[] dictionary, int dictionaryLength, byte[] data, int length,
                               boolean last) {
        CRC32 crc = new CRC32();
        crc.update(data, 0, length);
        byte[] bytes = BlockCompressor.compress(level, dictionary, dictionaryLength, data, length, last);
        return new Compressed(bytes, bytes.length, crc.getValue(), length);
    }
}
