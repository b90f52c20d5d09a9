package dev.rustwheel.wheel.zip;

import dev.rustwheel.wheel.deflate.BlockCompressor;
import java.util.zip.CRC32;

/**
 * One piece of an entry on its way through the compressor, in buffers that are reused from piece to piece and entry
 * to entry ({@link PiecePool}): the input holds the dictionary (the end of the piece before, if any) just before the
 * piece's data, so the compressor works on it where it lies, and the output is large enough for any data. A reused
 * piece holds stale bytes from earlier pieces around its data; the compressor never looks at them.
 *
 * <p>One thread fills a piece, one compresses it, then the first writes its output: each hands it over through the
 * executor's queue and the task's future, which order their accesses.
 */
final class Piece {

    /** Where the data starts in {@link #input}: a whole dictionary fits before it. */
    static final int DATA = BlockCompressor.WINDOW;

    final byte[] input;
    final byte[] output;
    /** How many bytes before {@link #DATA} are the dictionary. */
    private int dictionaryLength;
    /** How many bytes from {@link #DATA} are the data. */
    int length;
    private int compressedLength;
    private long crc;

    /** @param capacity the most data the piece holds */
    Piece(int capacity) {
        input = new byte[DATA + capacity + BlockCompressor.PADDING];
        output = new byte[BlockCompressor.maxCompressedSize(capacity)];
    }

    /** Empties the piece for the first data of an entry: no dictionary. */
    void startEntry() {
        dictionaryLength = 0;
        length = 0;
    }

    /** Empties the piece for the data that follows {@code previous}, whose last 32 KiB become the dictionary. */
    void follow(Piece previous) {
        dictionaryLength = Math.min(DATA, previous.length);
        System.arraycopy(previous.input, DATA + previous.length - dictionaryLength, input, DATA - dictionaryLength,
                dictionaryLength);
        length = 0;
    }

    /** Takes the data's CRC-32 and compresses it; the output depends only on the dictionary, data and level. */
    void compress(int level, boolean last) {
        CRC32 checksum = new CRC32();
        checksum.update(input, DATA, length);
        crc = checksum.getValue();
        compressedLength = BlockCompressor.compress(level, input, DATA - dictionaryLength, DATA, DATA + length, last,
                output);
    }

    long crc() {
        return crc;
    }

    int compressedLength() {
        return compressedLength;
    }
}
