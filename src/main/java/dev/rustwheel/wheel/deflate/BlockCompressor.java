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
 * <p>The working state (about 2.5 MiB for a 1 MiB piece) is kept for reuse by as many threads as the machine has
 * processors, so compressing many pieces allocates little beyond the outputs.
 */
public final class BlockCompressor {

    /** Deflate's window: back-references reach at most this far. */
    public static final int WINDOW = MatchFinder.WINDOW;

    private static final int KEPT_STATES = Runtime.getRuntime().availableProcessors();
    private static final ConcurrentLinkedDeque<State> STATES = new ConcurrentLinkedDeque<>();
    private static final AtomicInteger KEPT = new AtomicInteger();

    private BlockCompressor() {
    }

    /**
     * @param level            0 (stored) to 9
     * @param dictionary       the bytes just before the piece; only the last {@link #WINDOW} of its first
     *                         {@code dictionaryLength} bytes are used
     * @param data             holds the piece in its first {@code length} bytes
     * @param last             whether the piece ends the stream
     * @return the compressed bytes, exactly as many as were written
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
        State state = STATES.pollFirst();
        if (state == null) {
            state = new State();
        } else {
            KEPT.decrementAndGet();
        }
        try {
            return state.compress(level, dictionary, dictionaryLength, data, length, last);
        } finally {
            if (KEPT.incrementAndGet() <= KEPT_STATES) {
                STATES.addFirst(state);
            } else {
                KEPT.decrementAndGet();
            }
        }
    }

    /** One thread's buffers and tables, reused from piece to piece. */
    private static final class State {
        private static final int PADDING = 8;

        private byte[] window = new byte[0];
        private final BitWriter out = new BitWriter(64 * 1024);
        private final BlockEncoder encoder = new BlockEncoder(out);
        private final MatchFinder matcher = new MatchFinder();

        byte[] compress(LevelParameters level, byte[] dictionary, int dictionaryLength, byte[] data, int length,
                        boolean last) {
            out.reset();
            if (level == null) {
                encoder.writeStored(data, 0, length, last);
                return Arrays.copyOf(out.buffer, out.position);
            }
            int used = Math.min(WINDOW, dictionaryLength);
            int size = used + length;
            if (window.length < size + PADDING) {
                window = new byte[size + PADDING];
            }
            if (used > 0) {
                System.arraycopy(dictionary, dictionaryLength - used, window, 0, used);
            }
            System.arraycopy(data, 0, window, used, length);
            encoder.begin(window, used);
            matcher.parse(window, used, size, level, encoder);
            encoder.finish(last);
            return Arrays.copyOf(out.buffer, out.position);
        }
    }
}
