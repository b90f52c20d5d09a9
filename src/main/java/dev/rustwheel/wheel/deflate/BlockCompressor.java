package dev.rustwheel.wheel.deflate;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Our deflate (RFC 1951) compressor for one piece of a stream that is compressed piece by piece, possibly on many
 * threads: the piece may refer back into the bytes before it (the dictionary, up to 32 KiB), and its output ends on
 * a byte boundary (or, for the last piece, with the final-block bit), so the outputs of consecutive pieces
 * concatenate into one valid raw deflate stream. The output depends only on the dictionary, the data, the level and
 * whether the piece is last.
 *
 * <p>Levels: 0 stores; 1–3 parse greedily, 4–9 lazily, searching deeper as the level rises ({@link LevelParameters}).
 * Every deflate block is written as dynamic Huffman, static Huffman or stored, whichever is smallest.
 *
 * <p>The piece is compressed where it lies, in a window that holds the dictionary just before it, into an output
 * buffer the caller provides (of {@link #maxCompressedSize} bytes): callers that reuse both buffers from piece to
 * piece compress any amount of data without allocating. The working state (hash tables, about 0.4 MiB) is kept for
 * reuse by as many threads as the machine has processors.
 */
public final class BlockCompressor {

    /** Deflate's window: back-references reach at most this far. */
    public static final int WINDOW = MatchFinder.WINDOW;

    /** Readable bytes a window needs after the piece: the match finder compares eight bytes at a time. */
    public static final int PADDING = 8;

    private static final int KEPT_STATES = Runtime.getRuntime().availableProcessors();
    private static final ConcurrentLinkedDeque<State> STATES = new ConcurrentLinkedDeque<>();
    private static final AtomicInteger KEPT = new AtomicInteger();

    private BlockCompressor() {
    }

    /**
     * The most bytes a piece of {@code length} bytes compresses to, output slack included. Every deflate block costs
     * at most its stored form (its bytes, 5 per 65,535 of them and 1 for the header bits); all of a piece's blocks
     * but one per 32,768 items cover at least 1,024 bytes (a segment of items), so the blocks' overhead stays below
     * 0.7% plus a few bytes, and 1/64 of the length plus 256 bytes covers it with room to spare.
     */
    public static int maxCompressedSize(int length) {
        return length + (length >>> 6) + 256;
    }

    /**
     * Compresses {@code window[start..end)} into {@code output}.
     *
     * @param level           0 (stored) to 9
     * @param window          the dictionary in {@code [dictionaryStart, start)} (only its last {@link #WINDOW}
     *                        bytes are used), the piece in {@code [start, end)}, then at least {@link #PADDING}
     *                        bytes of any value; bytes before {@code dictionaryStart} are never looked at
     * @param last            whether the piece ends the stream
     * @param output          at least {@link #maxCompressedSize}{@code (end - start)} bytes, written from its start
     * @return how many bytes of {@code output} were written
     */
    public static int compress(int level, byte[] window, int dictionaryStart, int start, int end, boolean last,
                               byte[] output) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("deflate level " + level + " is not between 0 and 9");
        }
        return compress(level == 0 ? null : LevelParameters.of(level), window, dictionaryStart, start, end, last,
                output);
    }

    /**
     * As {@link #compress(int, byte[], int, int, int, boolean, byte[])} for a piece and its dictionary in arrays of
     * their own: both are copied into a new window, and the output is a new array of exactly the bytes written.
     */
    public static byte[] compress(int level, byte[] dictionary, int dictionaryLength, byte[] data, int length,
                                  boolean last) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("deflate level " + level + " is not between 0 and 9");
        }
        return compress(level == 0 ? null : LevelParameters.of(level), dictionary, dictionaryLength, data, length,
                last);
    }

    /** As {@link #compress(int, byte[], int, byte[], int, boolean)} with the given parameters, or stored if null. */
    static byte[] compress(LevelParameters level, byte[] dictionary, int dictionaryLength, byte[] data, int length,
                           boolean last) {
        int used = Math.min(WINDOW, dictionaryLength);
        byte[] window = new byte[used + length + PADDING];
        if (used > 0) {
            System.arraycopy(dictionary, dictionaryLength - used, window, 0, used);
        }
        System.arraycopy(data, 0, window, used, length);
        byte[] output = new byte[maxCompressedSize(length)];
        return Arrays.copyOf(output, compress(level, window, 0, used, used + length, last, output));
    }

    private static int compress(LevelParameters level, byte[] window, int dictionaryStart, int start, int end,
                                boolean last, byte[] output) {
        if (dictionaryStart < 0 || dictionaryStart > start || start > end || end + PADDING > window.length) {
            throw new IllegalArgumentException("the window of " + window.length + " bytes cannot hold a dictionary"
                    + " at " + dictionaryStart + ", a piece from " + start + " to " + end + " and the padding");
        }
        if (output.length < maxCompressedSize(end - start)) {
            throw new IllegalArgumentException("the output of " + output.length + " bytes is smaller than "
                    + maxCompressedSize(end - start) + " bytes");
        }
        State state = STATES.pollFirst();
        if (state == null) {
            state = new State();
        } else {
            KEPT.decrementAndGet();
        }
        try {
            return state.compress(level, window, Math.max(dictionaryStart, start - WINDOW), start, end, last,
                    output);
        } finally {
            if (KEPT.incrementAndGet() <= KEPT_STATES) {
                STATES.addFirst(state);
            } else {
                KEPT.decrementAndGet();
            }
        }
    }

    /** One thread's tables, reused from piece to piece. */
    private static final class State {
        private final BitWriter out = new BitWriter();
        private final BlockEncoder encoder = new BlockEncoder(out);
        private final MatchFinder matcher = new MatchFinder();

        int compress(LevelParameters level, byte[] window, int dictionaryStart, int start, int end, boolean last,
                     byte[] output) {
            out.wrap(output);
            try {
                if (level == null) {
                    encoder.writeStored(window, start, end - start, last);
                } else {
                    encoder.begin(window, start);
                    matcher.parse(window, dictionaryStart, start, end, level, encoder);
                    encoder.finish(last);
                }
                return out.position;
            } finally {
                out.wrap(null); // the caller's buffer is not ours to keep
                encoder.begin(null, 0);
            }
        }
    }
}
