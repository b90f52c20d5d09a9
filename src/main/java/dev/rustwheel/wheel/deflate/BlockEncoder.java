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
 * of dynamic Huffman, static Huffman or stored form is smallest. Where blocks end follows the data: the items are
 * counted in segments of {@value #SEGMENT}, and a segment starts a new block when its symbol statistics differ
 * enough from the block's so far that coding them apart saves more than a new block header costs.
 */
final class BlockEncoder {

    /** Items per segment, the unit of block splitting. */
    static final int SEGMENT = 1024;
    /** Segments gathered before blocks are chosen and written. */
    private static final int SEGMENTS = 32;
    static final int ITEMS_PER_BUFFER = SEGMENT * SEGMENTS;
    /** What a block header costs, roughly, in the estimate that decides whether to split. */
    private static final double HEADER_BITS = 700;

    private static final int MAX_STORED = 65535;
    private static final int[] STATIC_LITERAL_CODES = new int[288];
    private static final int[] STATIC_DISTANCE_CODES = new int[32];
    /** {@code f · log2 f} for every frequency a buffer can hold. */
    private static final float[] F_LOG_F = new float[ITEMS_PER_BUFFER + 2];

    static {
        HuffmanCode.codes(STATIC_LITERAL_LENGTHS, 288, STATIC_LITERAL_CODES);
        HuffmanCode.codes(STATIC_DISTANCE_LENGTHS, 32, STATIC_DISTANCE_CODES);
        for (int f = 1; f < F_LOG_F.length; f++) {
            F_LOG_F[f] = (float) (f * Math.log(f) / Math.log(2));
        }
    }

    /**
     * The items as the output loop needs them, so that it looks up two table entries per item whatever it is and
     * takes no branch on its kind: bits 0–9 index the first table (a literal's value, or 256 + a match's length),
     * bits 10–14 the distance symbol ({@link #NO_DISTANCE} for a literal), bits 15–27 the distance's extra bits.
     */
    private final int[] items = new int[ITEMS_PER_BUFFER];
    /** The distance symbol of a literal's item: its entry writes no bits. */
    private static final int NO_DISTANCE = DISTANCE_SYMBOLS;
    private int itemCount;
    private final int[][] segmentLiterals = new int[SEGMENTS][LITERAL_LENGTH_SYMBOLS];
    private final int[][] segmentDistances = new int[SEGMENTS][DISTANCE_SYMBOLS];
    /** Where each segment's input starts in the window; the one after the last is where the buffer's ends. */
    private final int[] segmentStart = new int[SEGMENTS + 1];
    private int[] literalCounts;
    private int[] distanceCounts;
    private int segmentEnd;

    private final int[] literalFrequencies = new int[LITERAL_LENGTH_SYMBOLS];
    private final int[] distanceFrequencies = new int[DISTANCE_SYMBOLS];
    private final int[] mergedLiterals = new int[LITERAL_LENGTH_SYMBOLS];
    private final int[] mergedDistances = new int[DISTANCE_SYMBOLS];

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
    /** The end of the input covered by the items so far. */
    private int inputEnd;

    BlockEncoder(BitWriter out) {
        this.out = out;
    }

    /** Starts encoding the bytes of {@code window} from {@code start}. */
    void begin(byte[] window, int start) {
        this.window = window;
        inputEnd = start;
        clear();
    }

    void literal(int value) {
        if (itemCount == segmentEnd) {
            nextSegment();
        }
        items[itemCount++] = value | NO_DISTANCE << 10;
        literalCounts[value]++;
        inputEnd++;
    }

    void match(int length, int distance) {
        if (itemCount == segmentEnd) {
            nextSegment();
        }
        int slot = DeflateTables.distanceSlot(distance);
        items[itemCount++] = 256 + length | slot << 10 | (distance - DISTANCE_BASE[slot]) << 15;
        literalCounts[257 + LENGTH_SLOT[length]]++;
        distanceCounts[slot]++;
        inputEnd += length;
    }

    private void nextSegment() {
        if (itemCount == ITEMS_PER_BUFFER) {
            writeBuffer(false);
        }
        int segment = itemCount / SEGMENT;
        segmentStart[segment] = inputEnd;
        literalCounts = segmentLiterals[segment];
        distanceCounts = segmentDistances[segment];
        Arrays.fill(literalCounts, 0);
        Arrays.fill(distanceCounts, 0);
        segmentEnd = itemCount + SEGMENT;
    }

    /**
     * Writes what is pending. The last block of the stream gets the final bit (an empty static block carries it if
     * nothing is pending); otherwise the output is brought to a byte boundary, with an empty stored block as zlib's
     * sync flush if the last block did not end on one.
     */
    void finish(boolean last) {
        if (itemCount > 0 || last) {
            writeBuffer(last);
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

    /** Splits the buffered segments into blocks where their statistics change, and writes them. */
    private void writeBuffer(boolean last) {
        int segments = (itemCount + SEGMENT - 1) / SEGMENT;
        segmentStart[segments] = inputEnd;
        int first = 0;
        if (segments > 0) {
            System.arraycopy(segmentLiterals[0], 0, literalFrequencies, 0, LITERAL_LENGTH_SYMBOLS);
            System.arraycopy(segmentDistances[0], 0, distanceFrequencies, 0, DISTANCE_SYMBOLS);
        }
        double blockBits = entropyBits(literalFrequencies, distanceFrequencies);
        for (int segment = 1; segment < segments; segment++) {
            int[] literals = segmentLiterals[segment];
            int[] distances = segmentDistances[segment];
            for (int i = 0; i < LITERAL_LENGTH_SYMBOLS; i++) {
                mergedLiterals[i] = literalFrequencies[i] + literals[i];
            }
            for (int i = 0; i < DISTANCE_SYMBOLS; i++) {
                mergedDistances[i] = distanceFrequencies[i] + distances[i];
            }
            double mergedBits = entropyBits(mergedLiterals, mergedDistances);
            double segmentBits = entropyBits(literals, distances);
            if (mergedBits <= blockBits + segmentBits + HEADER_BITS) {
                System.arraycopy(mergedLiterals, 0, literalFrequencies, 0, LITERAL_LENGTH_SYMBOLS);
                System.arraycopy(mergedDistances, 0, distanceFrequencies, 0, DISTANCE_SYMBOLS);
                blockBits = mergedBits;
            } else {
                writeBlock(first * SEGMENT, segment * SEGMENT, segmentStart[first], segmentStart[segment], false);
                first = segment;
                System.arraycopy(literals, 0, literalFrequencies, 0, LITERAL_LENGTH_SYMBOLS);
                System.arraycopy(distances, 0, distanceFrequencies, 0, DISTANCE_SYMBOLS);
                blockBits = segmentBits;
            }
        }
        if (segments == 0) {
            segmentStart[0] = inputEnd;
            Arrays.fill(literalFrequencies, 0);
            Arrays.fill(distanceFrequencies, 0);
        }
        writeBlock(first * SEGMENT, itemCount, segmentStart[first], inputEnd, last);
        clear();
    }

    /** The bits an ideal code would spend on the symbols, extra bits aside: N·log2 N − Σ f·log2 f per alphabet. */
    private static double entropyBits(int[] literals, int[] distances) {
        return entropyBits(literals, LITERAL_LENGTH_SYMBOLS) + entropyBits(distances, DISTANCE_SYMBOLS);
    }

    private static double entropyBits(int[] frequencies, int n) {
        int total = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int f = frequencies[i];
            total += f;
            sum += F_LOG_F[f];
        }
        return F_LOG_F[total] - sum;
    }

    /** Writes items {@code [from, to)}, which cover the input {@code [inputFrom, inputTo)}, as one block. */
    private void writeBlock(int from, int to, int inputFrom, int inputTo, boolean last) {
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
        int raw = inputTo - inputFrom;
        long storedBits = 8L * raw + 40L * Math.max(1, (raw + MAX_STORED - 1) / MAX_STORED) + 7;
        if (storedBits <= dynamicBits && storedBits <= staticBits) {
            writeStored(window, inputFrom, raw, last);
        } else if (staticBits <= dynamicBits) {
            out.reserve((int) (staticBits >>> 3) + 8);
            out.write(last ? 1 : 0, 1);
            out.write(1, 2);
            writeItems(from, to, STATIC_LITERAL_CODES, STATIC_LITERAL_LENGTHS, STATIC_DISTANCE_CODES,
                    STATIC_DISTANCE_LENGTHS);
        } else {
            out.reserve((int) (dynamicBits >>> 3) + 8);
            out.write(last ? 1 : 0, 1);
            out.write(2, 2);
            writeDynamicHeader();
            HuffmanCode.codes(literalLengths, LITERAL_LENGTH_SYMBOLS, literalCodes);
            HuffmanCode.codes(distanceLengths, DISTANCE_SYMBOLS, distanceCodes);
            writeItems(from, to, literalCodes, literalLengths, distanceCodes, distanceLengths);
        }
    }

    private void clear() {
        itemCount = 0;
        segmentEnd = 0;
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

    /**
     * Per block: at [symbol] each literal's code, at [256 + length] each match length's code with its extra bits,
     * as {@code bits | bit count << 24}; at [slot] each distance symbol's code as {@code code | code length << 16 |
     * (code length + extra bits) << 24}, and nothing at [{@link #NO_DISTANCE}].
     */
    private final int[] firstEntries = new int[256 + 259];
    private final int[] distanceEntries = new int[DISTANCE_SYMBOLS + 1];

    /** Writes items {@code [from, to)} with the given code, then the end of block. */
    private void writeItems(int from, int to, int[] literalCodes, int[] literalLengths, int[] distanceCodes,
                            int[] distanceLengths) {
        for (int symbol = 0; symbol < 256; symbol++) {
            firstEntries[symbol] = literalCodes[symbol] | literalLengths[symbol] << 24;
        }
        for (int length = 3; length < 259; length++) {
            int slot = LENGTH_SLOT[length];
            int codeLength = literalLengths[257 + slot];
            firstEntries[256 + length] = literalCodes[257 + slot] | (length - LENGTH_BASE[slot]) << codeLength
                    | (codeLength + LENGTH_EXTRA[slot]) << 24;
        }
        for (int slot = 0; slot < DISTANCE_SYMBOLS; slot++) {
            int codeLength = distanceLengths[slot];
            distanceEntries[slot] = distanceCodes[slot] | codeLength << 16 | (codeLength + DISTANCE_EXTRA[slot]) << 24;
        }
        distanceEntries[NO_DISTANCE] = 0;
        writeEntries(from, to);
        out.write(literalCodes[END_OF_BLOCK], literalLengths[END_OF_BLOCK]);
    }

    /**
     * The hot loop of the output: every item as its two entries (at most 20 + 28 bits for a match, nothing for a
     * literal's second), whole bytes stored after each without a branch: a literal costs no mispredicted branch.
     */
    private void writeEntries(int from, int to) {
        int[] items = this.items;
        int[] firstEntries = this.firstEntries;
        int[] distanceEntries = this.distanceEntries;
        byte[] buffer = out.buffer;
        long bits = out.bits;
        int count = out.count;
        int position = out.position;
        for (int i = from; i < to; i++) {
            int item = items[i];
            int entry = firstEntries[item & 0x3FF];
            bits |= (long) (entry & 0xFFFFFF) << count;
            count += entry >>> 24;
            BitWriter.LONG.set(buffer, position, bits);
            int stored = count >>> 3;
            position += stored;
            bits >>>= stored << 3;
            count &= 7;
            entry = distanceEntries[(item >>> 10) & 0x1F];
            bits |= (long) ((entry & 0xFFFF) | (item >>> 15) << ((entry >>> 16) & 0x1F)) << count;
            count += entry >>> 24;
            BitWriter.LONG.set(buffer, position, bits);
            stored = count >>> 3;
            position += stored;
            bits >>>= stored << 3;
            count &= 7;
        }
        out.restore(bits, count, position);
    }
}
