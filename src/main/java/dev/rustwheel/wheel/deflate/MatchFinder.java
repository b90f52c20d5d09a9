package dev.rustwheel.wheel.deflate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Parses a window (the dictionary, then the data) into literals and matches with hash chains: the head table maps
 * a hash of four bytes to the latest position having it, and {@code previous} links each position of the last
 * 32 KiB to the one before it with the same hash. A chain is followed only while it stays within deflate's 32 KiB
 * reach and goes strictly backwards. Matches of three bytes, too common to chain, come from a table of the latest
 * position for each hash of three bytes, tried only when the chain has no longer match.
 *
 * <p>The tables hold positions plus a base that grows from one window to the next, so that entries left by earlier
 * windows fall below every search's limit without clearing the tables each time.
 */
final class MatchFinder {

    static final int WINDOW = 32 * 1024;
    private static final int WINDOW_MASK = WINDOW - 1;
    private static final int MIN_MATCH = 4;
    private static final int MAX_MATCH = 258;
    private static final int HASH_BITS = 16;
    private static final int HASH3_BITS = 14;
    /** The bytes {@link #parseRun} parses per call. */
    private static final int RUN = 2048;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int[] head = new int[1 << HASH_BITS];
    private final int[] head3 = new int[1 << HASH3_BITS];
    /** The distance back to the previous position with the same hash, 0 if none within the window (16 bits keep it in cache). */
    private final char[] previous = new char[WINDOW];
    /** Added to window positions in the tables; a multiple of the window, so the low bits index {@code previous}. */
    private int base = Integer.MAX_VALUE;
    /** The size of the window the base was last set for. */
    private int baseEnd;

    /**
     * Emits {@code window[start..end)} to the encoder as literals and matches, which may reach back into
     * {@code window[dictionaryStart..start)} (at most {@link #WINDOW} bytes). The window has at least 8 readable
     * bytes after {@code end}.
     */
    void parse(byte[] window, int dictionaryStart, int start, int end, LevelParameters level, BlockEncoder encoder) {
        startWindow(end);
        int lastHashed = end - MIN_MATCH; // positions after it have fewer than four bytes left
        insertAll(window, dictionaryStart, Math.min(start, lastHashed + 1));
        int position = start;
        while (position <= lastHashed) {
            position = parseRun(window, position, Math.min(lastHashed + 1, position + RUN), end, level, encoder);
        }
        for (; position < end; position++) { // too close to the end for a match to start
            encoder.literal(window[position] & 0xFF);
        }
    }

    private void insertAll(byte[] window, int from, int to) {
        for (int position = from; position < to; position++) {
            insert(window, position);
        }
    }

    /**
     * Parses from {@code position} on as long as it lies before {@code runEnd} (at most one past the last position
     * with four bytes left), with matches reaching up to {@code end}; returns where it stopped: at or a match beyond
     * {@code runEnd}. A piece is parsed in many such runs so that the JIT compiler sees this method called often and
     * compiles it whole early, instead of compiling and recompiling a loop that runs once per piece on the stack
     * (on-stack replacement) while the first pieces run in slow profiling code (a cold JVM compressing 64 MiB took
     * 3.69 s of CPU instead of 3.9, medians of 8). Nothing here tests for the piece's end but the bounds: a branch
     * that only the end of a piece takes would be compiled as never taken, and taking it would throw the compiled
     * code away.
     */
    private int parseRun(byte[] window, int position, int runEnd, int end, LevelParameters level,
                         BlockEncoder encoder) {
        int lastHashed = end - MIN_MATCH;
        int depth = level.searchDepth();
        int nice = level.niceLength();
        int lazy = level.lazyLength();
        int good = level.goodLength();
        int insertLength = level.insertLength();
        while (position < runEnd) {
            int match = find(window, position, end, depth, nice, 2);
            int inserted = position + 1; // the first position not in the hash chains yet
            if (match == 0) {
                encoder.literal(window[position++] & 0xFF);
                continue;
            }
            // at the last position with four bytes left, the next one has no longer match (find returns 0)
            while ((match & 0xFFFF) < lazy) {
                int length = match & 0xFFFF;
                // only a longer match counts, and a good one already makes a long search less worthwhile
                int next = find(window, position + 1, end, length < good ? depth : depth >> 2, nice, length);
                inserted = position + 2;
                if (next == 0 || score(next) <= score(match)) {
                    break;
                }
                encoder.literal(window[position++] & 0xFF);
                match = next;
            }
            int length = match & 0xFFFF;
            encoder.match(length, match >>> 16);
            int matchEnd = Math.min(position + length, lastHashed + 1);
            if (length > insertLength) { // as zlib does: few later matches start inside a long one, so skip most of it
                inserted = Math.max(inserted, matchEnd - 2);
            }
            for (int p = inserted; p < matchEnd; p++) {
                insert(window, p);
            }
            position += length;
        }
        return position;
    }

    /**
     * Moves the base past every position of the previous window (so that all its entries lie more than a window
     * below the new one's positions), clearing the tables only when the base would overflow.
     */
    private void startWindow(int size) {
        long next = ((long) base + baseEnd + 2L * WINDOW) & -WINDOW;
        if (next + size + WINDOW > Integer.MAX_VALUE) {
            Arrays.fill(head, -1);
            Arrays.fill(head3, -1);
            next = 0;
        }
        base = (int) next;
        baseEnd = size;
    }

    /** A longer match is worth a literal more only if its distance does not eat up the gain in extra bits. */
    private static int score(int match) {
        return 4 * (match & 0xFFFF) - (31 - Integer.numberOfLeadingZeros(match >>> 16));
    }

    private static int hash(byte[] window, int position) {
        return ((int) INT.get(window, position) * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    private static int hash3(byte[] window, int position) {
        return (((int) INT.get(window, position) & 0xFFFFFF) * 0x1E35A7BD) >>> (32 - HASH3_BITS);
    }

    private void insert(byte[] window, int position) {
        int h = hash(window, position);
        int here = base + position;
        head3[hash3(window, position)] = here;
        previous[position & WINDOW_MASK] = link(here - head[h]);
        head[h] = here;
    }

    /**
     * The distance to keep in {@code previous}: 0, the end of the chain, if it is out of reach (a head entry always
     * lies before the position, so the distance is positive).
     */
    private static char link(int distance) {
        return distance <= WINDOW ? (char) distance : 0;
    }

    /**
     * Inserts {@code position} and finds the longest match for it longer than {@code shorter}, trying at most
     * {@code depth} candidates.
     *
     * @return the match as {@code length | distance << 16}, or 0 if there is none
     */
    private int find(byte[] window, int position, int end, int depth, int nice, int shorter) {
        int h = hash(window, position);
        int base = this.base;
        int candidate = head[h];
        int here = base + position;
        head[h] = here;
        int h3 = hash3(window, position);
        int candidate3 = head3[h3];
        head3[h3] = here;
        previous[position & WINDOW_MASK] = link(here - candidate);
        int limit = base + Math.max(0, position - WINDOW);
        int maxLength = Math.min(MAX_MATCH, end - position);
        // near the end, no match can be longer than shorter: searching for one of maxLength bytes finds none
        int best = Math.min(Math.max(shorter, MIN_MATCH - 1), maxLength);
        int match = longest(window, position, candidate - base, limit - base, depth, Math.min(nice, maxLength),
                maxLength, best);
        if (match == 0 && shorter < 3 && candidate3 >= limit
                && (((int) INT.get(window, candidate3 - base) ^ (int) INT.get(window, position)) & 0xFFFFFF) == 0) {
            return 3 | (here - candidate3) << 16;
        }
        return match;
    }

    /**
     * Follows the chain from {@code at} (a window position) while it stays at or above {@code limit}, for a match
     * longer than {@code best}; kept apart from {@link #find} so that both stay small enough to be inlined.
     *
     * @return the match as {@code length | distance << 16}, or 0 if there is none
     */
    private int longest(byte[] window, int position, int at, int limit, int depth, int enough, int maxLength,
                        int best) {
        int bestDistance = 0;
        int first = (int) INT.get(window, position);
        int tail = (int) INT.get(window, position + best - 3);
        while (at >= limit && depth-- > 0) {
            if ((int) INT.get(window, at + best - 3) == tail && (int) INT.get(window, at) == first) {
                int length = MIN_MATCH + extend(window, at + MIN_MATCH, position + MIN_MATCH, maxLength - MIN_MATCH);
                if (length > best) {
                    best = length;
                    bestDistance = position - at;
                    if (length >= enough) {
                        break;
                    }
                    tail = (int) INT.get(window, position + best - 3);
                }
            }
            int link = previous[(at + base) & WINDOW_MASK];
            if (link == 0) {
                break;
            }
            at -= link;
        }
        return bestDistance == 0 ? 0 : best | bestDistance << 16;
    }

    /** How many bytes from {@code a} and {@code b} agree, up to {@code max}; compares eight at a time. */
    private static int extend(byte[] window, int a, int b, int max) {
        int length = 0;
        while (length < max) {
            long difference = (long) LONG.get(window, a + length) ^ (long) LONG.get(window, b + length);
            if (difference != 0) {
                return Math.min(max, length + (Long.numberOfTrailingZeros(difference) >>> 3));
            }
            length += 8;
        }
        return max;
    }
}
