package dev.rustwheel.wheel.deflate;

import static dev.rustwheel.wheel.deflate.DeflateTables.CODE_LENGTH_ORDER;
import static dev.rustwheel.wheel.deflate.DeflateTables.CODE_LENGTH_SYMBOLS;
import static dev.rustwheel.wheel.deflate.DeflateTables.DISTANCE_BASE;
import static dev.rustwheel.wheel.deflate.DeflateTables.DISTANCE_EXTRA;
import static dev.rustwheel.wheel.deflate.DeflateTables.DISTANCE_SYMBOLS;
import static dev.rustwheel.wheel.deflate.DeflateTables.END_OF_BLOCK;
import static dev.rustwheel.wheel.deflate.DeflateTables.LENGTH_BASE;
import static dev.rustwheel.wheel.deflate.DeflateTables.LENGTH_EXTRA;
import static dev.rustwheel.wheel.deflate.DeflateTables.LENGTH_SLOT;
import static dev.rustwheel.wheel.deflate.DeflateTables.LITERAL_LENGTH_SYMBOLS;
import static dev.rustwheel.wheel.deflate.DeflateTables.STATIC_DISTANCE_LENGTHS;
import static dev.rustwheel.wheel.deflate.DeflateTables.STATIC_LITERAL_LENGTHS;

import java.util.Arrays;

/**
 * Collects the literals and matches the parser chooses, and writes them as deflate blocks: each block in whichever
 * of dynamic Huffman, static Huffman or stored form is smallest. A block ends when its item buffer is full, which
 * keeps the Huffman codes adapted to the data around them.
 */
final class BlockEncoder {

    /** Items per deflate block, as zlib's default memory level has it. */
    static final int ITEMS_PER_BLOCK = 16 * 1024;

    private static final int MAX_STORED = 65535;
    private static final int[] STATIC_LITERAL_CODES = new int[288];
    private static final int[] STATIC_DISTANCE_CODES = new int[32];

    static {
        HuffmanCode.codes(STATIC_LITERAL_LENGTHS, 288, STATIC_LITERAL_CODES);
        HuffmanCode.codes(STATIC_DISTANCE_LENGTHS, 32, STATIC_DISTANCE_CODES);
    }

    /** A literal is its byte value; a match is {@code length | distance << 16}. */
    private final int[] items = new int[ITEMS_PER_BLOCK];
    private int itemCount;
    private final int[] literalFrequencies = new int[LITERAL_LENGTH_SYMBOLS];
    private final int[] distanceFrequencies = new int[DISTANCE_SYMBOLS];

    private final HuffmanCode huffman = new HuffmanCode();
    private final int[] literalLengths = new int[LITERAL_LENGTH_SYMBOLS];
    private final int[] literalCodes = new int[LITERAL_LENGTH_SYMBOLS];
    private final int[] distanceLengths = new int[DISTANCE_SYMBOLS];
    private final int[] distanceCodes = new int[DISTANCE_SYMBOLS];
    private final int[] allLengths = new int[LITERAL_LENGTH_SYMBOLS + DISTANCE_SYMBOLS];
    /** The run-length coded code lengths of a dynamic header: symbol | extra bits value << 8. */
    private final int[] lengthRuns = new int[LITERAL_LENGTH_SYMBOLS + DISTANCE_SYMBOLS];
    private int lengthRunCount;
    private final int[] codeLengthFrequencies = new int[CODE_LENGTH_SYMBOLS];
    private final int[] codeLengthLengths = new int[CODE_LENGTH_SYMBOLS];
    private final int[] codeLengthCodes = new int[CODE_LENGTH_SYMBOLS];

    final BitWriter out;
    private byte[] window;
    private int blockStart;
    private int blockEnd;

    BlockEncoder(BitWriter out) {
        this.out = out;
    }

    /** Starts encoding the bytes of {@code window} from {@code start}. */
    void begin(byte[] window, int start) {
        this.window = window;
        blockStart = start;
        blockEnd = start;
        clear();
    }

    void literal(int value) {
        items[itemCount++] = value;
        literalFrequencies[value]++;
        blockEnd++;
        if (itemCount == ITEMS_PER_BLOCK) {
            writeBlock(false);
        }
    }

    void match(int length, int distance) {
        items[itemCount++] = length | distance << 16;
        literalFrequencies[257 + LENGTH_SLOT[length]]++;
        distanceFrequencies[DeflateTables.distanceSlot(distance)]++;
        blockEnd += length;
        if (itemCount == ITEMS_PER_BLOCK) {
            writeBlock(false);
        }
    }

    /**
     * Writes what is pending. The last block of the stream gets the final bit (an empty static block carries it if
     * nothing is pending); otherwise the output is brought to a byte boundary, with an empty stored block as zlib's
     * sync flush if the last block did not end on one.
     */
    void finish(boolean last) {
        if (itemCount > 0 || last) {
            writeBlock(last);
        }
        if (!last && !out.aligned()) {
            out.reserve(8);
            out.write(0, 3);
            out.alignToByte();
            out.write(0xFFFF0000, 32);
        }
        out.alignToByte();
    }

    /** Writes {@code length} bytes from {@code offset} as stored blocks only (level 0). */
    void writeStored(byte[] data, int offset, int length, boolean last) {
        out.reserve(length + 5 * (length / MAX_STORED + 2));
        int done = 0;
        do {
            int n = Math.min(MAX_STORED, length - done);
            boolean end = done + n == length;
            out.write(last && end ? 1 : 0, 3);
            out.alignToByte();
            out.write(n | (~n & 0xFFFF) << 16, 32);
            out.writeBytes(data, offset + done, n);
            done += n;
        } while (done < length);
    }

    private void writeBlock(boolean last) {
        literalFrequencies[END_OF_BLOCK]++;
        long extraBits = 0;
        for (int slot = 0; slot < LENGTH_EXTRA.length; slot++) {
            extraBits += (long) literalFrequencies[257 + slot] * LENGTH_EXTRA[slot];
        }
        for (int slot = 0; slot < DISTANCE_SYMBOLS; slot++) {
            extraBits += (long) distanceFrequencies[slot] * DISTANCE_EXTRA[slot];
        }
        huffman.lengths(literalFrequencies, LITERAL_LENGTH_SYMBOLS, 15, literalLengths);
        huffman.lengths(distanceFrequencies, DISTANCE_SYMBOLS, 15, distanceLengths);
        long dynamicBits = dynamicHeaderBits() + extraBits
                + cost(literalFrequencies, literalLengths, LITERAL_LENGTH_SYMBOLS)
                + cost(distanceFrequencies, distanceLengths, DISTANCE_SYMBOLS);
        long staticBits = 3 + extraBits + cost(literalFrequencies, STATIC_LITERAL_LENGTHS, LITERAL_LENGTH_SYMBOLS)
                + cost(distanceFrequencies, STATIC_DISTANCE_LENGTHS, DISTANCE_SYMBOLS);
        int raw = blockEnd - blockStart;
        long storedBits = 8L * raw + 40L * Math.max(1, (raw + MAX_STORED - 1) / MAX_STORED) + 7;
        if (storedBits <= dynamicBits && storedBits <= staticBits) {
            writeStored(window, blockStart, raw, last);
        } else if (staticBits <= dynamicBits) {
            out.reserve((int) (staticBits >>> 3) + 8);
            out.write(last ? 1 : 0, 1);
            out.write(1, 2);
            writeItems(STATIC_LITERAL_CODES, STATIC_LITERAL_LENGTHS, STATIC_DISTANCE_CODES, STATIC_DISTANCE_LENGTHS);
        } else {
            out.reserve((int) (dynamicBits >>> 3) + 8);
            out.write(last ? 1 : 0, 1);
            out.write(2, 2);
            writeDynamicHeader();
            HuffmanCode.codes(literalLengths, LITERAL_LENGTH_SYMBOLS, literalCodes);
            HuffmanCode.codes(distanceLengths, DISTANCE_SYMBOLS, distanceCodes);
            writeItems(literalCodes, literalLengths, distanceCodes, distanceLengths);
        }
        blockStart = blockEnd;
        clear();
    }

    private void clear() {
        itemCount = 0;
        Arrays.fill(literalFrequencies, 0);
        Arrays.fill(distanceFrequencies, 0);
    }

    private static long cost(int[] frequencies, int[] lengths, int n) {
        long bits = 0;
        for (int symbol = 0; symbol < n; symbol++) {
            bits += (long) frequencies[symbol] * lengths[symbol];
        }
        return bits;
    }

    private int literalCount;
    private int distanceCount;
    private int codeLengthCount;

    /** Run-length codes the code lengths and builds their code; returns the header's size in bits. */
    private long dynamicHeaderBits() {
        literalCount = lastUsed(literalLengths, LITERAL_LENGTH_SYMBOLS, 257);
        distanceCount = lastUsed(distanceLengths, DISTANCE_SYMBOLS, 1);
        System.arraycopy(literalLengths, 0, allLengths, 0, literalCount);
        System.arraycopy(distanceLengths, 0, allLengths, literalCount, distanceCount);
        runLengthCode(literalCount + distanceCount);
        Arrays.fill(codeLengthFrequencies, 0);
        for (int i = 0; i < lengthRunCount; i++) {
            codeLengthFrequencies[lengthRuns[i] & 0xFF]++;
        }
        huffman.lengths(codeLengthFrequencies, CODE_LENGTH_SYMBOLS, 7, codeLengthLengths);
        codeLengthCount = CODE_LENGTH_SYMBOLS;
        while (codeLengthCount > 4 && codeLengthLengths[CODE_LENGTH_ORDER[codeLengthCount - 1]] == 0) {
            codeLengthCount--;
        }
        long bits = 3 + 5 + 5 + 4 + 3L * codeLengthCount;
        for (int i = 0; i < lengthRunCount; i++) {
            int symbol = lengthRuns[i] & 0xFF;
            bits += codeLengthLengths[symbol] + extraBitsOfRun(symbol);
        }
        return bits;
    }

    private static int lastUsed(int[] lengths, int n, int minimum) {
        int count = n;
        while (count > minimum && lengths[count - 1] == 0) {
            count--;
        }
        return count;
    }

    private static int extraBitsOfRun(int symbol) {
        return symbol == 16 ? 2 : symbol == 17 ? 3 : symbol == 18 ? 7 : 0;
    }

    private void runLengthCode(int n) {
        lengthRunCount = 0;
        int i = 0;
        while (i < n) {
            int length = allLengths[i];
            int run = 1;
            while (i + run < n && allLengths[i + run] == length) {
                run++;
            }
            i += run;
            if (length == 0) {
                while (run >= 11) {
                    int r = Math.min(run, 138);
                    lengthRuns[lengthRunCount++] = 18 | (r - 11) << 8;
                    run -= r;
                }
                if (run >= 3) {
                    lengthRuns[lengthRunCount++] = 17 | (run - 3) << 8;
                    run = 0;
                }
            } else {
                lengthRuns[lengthRunCount++] = length;
                run--;
                while (run >= 3) {
                    int r = Math.min(run, 6);
                    lengthRuns[lengthRunCount++] = 16 | (r - 3) << 8;
                    run -= r;
                }
            }
            for (; run > 0; run--) {
                lengthRuns[lengthRunCount++] = length;
            }
        }
    }

    private void writeDynamicHeader() {
        out.write(literalCount - 257, 5);
        out.write(distanceCount - 1, 5);
        out.write(codeLengthCount - 4, 4);
        for (int i = 0; i < codeLengthCount; i++) {
            out.write(codeLengthLengths[CODE_LENGTH_ORDER[i]], 3);
        }
        HuffmanCode.codes(codeLengthLengths, CODE_LENGTH_SYMBOLS, codeLengthCodes);
        for (int i = 0; i < lengthRunCount; i++) {
            int symbol = lengthRuns[i] & 0xFF;
            out.write(codeLengthCodes[symbol], codeLengthLengths[symbol]);
            int extra = extraBitsOfRun(symbol);
            if (extra > 0) {
                out.write(lengthRuns[i] >>> 8, extra);
            }
        }
    }

    /** The hot loop of the output: every item as its code and extra bits, then the end of block. */
    private void writeItems(int[] literalCodes, int[] literalLengths, int[] distanceCodes, int[] distanceLengths) {
        byte[] buffer = out.buffer;
        long bits = out.bits;
        int count = out.count;
        int position = out.position;
        for (int i = 0; i < itemCount; i++) {
            int item = items[i];
            int distance = item >>> 16;
            if (distance == 0) {
                bits |= (long) literalCodes[item] << count;
                count += literalLengths[item];
            } else {
                int length = item & 0xFFFF;
                int slot = LENGTH_SLOT[length];
                bits |= (long) literalCodes[257 + slot] << count;
                count += literalLengths[257 + slot];
                bits |= (long) (length - LENGTH_BASE[slot]) << count;
                count += LENGTH_EXTRA[slot];
                if (count >= 32) {
                    BitWriter.INT.set(buffer, position, (int) bits);
                    position += 4;
                    bits >>>= 32;
                    count -= 32;
                }
                int distanceSlot = DeflateTables.distanceSlot(distance);
                bits |= (long) distanceCodes[distanceSlot] << count;
                count += distanceLengths[distanceSlot];
                bits |= (long) (distance - DISTANCE_BASE[distanceSlot]) << count;
                count += DISTANCE_EXTRA[distanceSlot];
            }
            if (count >= 32) {
                BitWriter.INT.set(buffer, position, (int) bits);
                position += 4;
                bits >>>= 32;
                count -= 32;
            }
        }
        out.restore(bits, count, position);
        out.write(literalCodes[END_OF_BLOCK], literalLengths[END_OF_BLOCK]);
    }
}
