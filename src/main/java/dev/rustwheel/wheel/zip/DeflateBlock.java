package dev.rustwheel.wheel.zip;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Compresses one block of an entry independently of the others, so that blocks can be compressed on any thread
 * in any order and still join into one deflate stream: the block is primed with the 32 KiB that precede it as a
 * preset dictionary (back-references into the previous block cost nothing in size), and ends on a byte boundary
 * with a sync flush, or with the final-block bit for the entry's last block. The output depends only on the
 * dictionary, the data, the level and whether the block is last, never on which thread ran it.
 */
final class DeflateBlock {

    /** Deflate's window: back-references reach at most this far. */
    static final int WINDOW = 32 * 1024;

    private static final int CHUNK = 64 * 1024;

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
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(CHUNK, length / 2));
        byte[] chunk = new byte[CHUNK];
        Deflater deflater = new Deflater(level, true);
        try {
            if (dictionaryLength > 0) {
                int used = Math.min(WINDOW, dictionaryLength);
                deflater.setDictionary(dictionary, dictionaryLength - used, used);
            }
            deflater.setInput(data, 0, length);
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    int n = deflater.deflate(chunk, 0, chunk.length, Deflater.NO_FLUSH);
                    out.write(chunk, 0, n);
                }
            } else {
                int n;
                do { // a sync flush is complete once it leaves room in the output buffer
                    n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
                    out.write(chunk, 0, n);
                } while (n == chunk.length || !deflater.needsInput());
            }
        } finally {
            deflater.end();
        }
        return new Compressed(out.toByteArray(), out.size(), crc.getValue(), length);
    }
}
