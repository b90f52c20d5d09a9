package dev.rustwheel.wheel.deflate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Parses a window (the dictionary, then the data) into literals and matches with hash chains: the head table maps
 * a hash of four bytes to the latest position having it, and {@code previous} links each position of the last
 * 32 KiB to the one before it with the same hash. Positions are absolute in the window, so nothing slides; a
 * chain is followed only while it stays within deflate's 32 KiB reach and goes strictly backwards.
 */
final class MatchFinder {

    static final int WINDOW = 32 * 1024;
    private static final int WINDOW_MASK = WINDOW - 1;
    private static final int MIN_MATCH = 4;
    private static final int MAX_MATCH = 258;
    private static final int HASH_BITS = 15;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int[] head = new int[1 << HASH_BITS];
    private final int[] previous = new int[WINDOW];

    /** The best match of the last {@link #find}: its length (below {@link #MIN_MATCH} if none) and distance. */
    private int matchLength;
    private int matchDistance;

    /**
     * Emits {@code window[start..end)} to the encoder as literals and matches, which may reach back into
     * {@code window[0..start)}. The window has at least 8 readable bytes after {@code end}.
     */
    void parse(byte[] window, int start, int end, LevelParameters level, BlockEncoder encoder) {
        Arrays.fill(head, -1);
        int dictionaryStart = Math.max(0, start - WINDOW);
        int lastHashed = end - MIN_MATCH; // positions after it have fewer than four bytes left
        for (int position = dictionaryStart; position < start && position <= lastHashed; position++) {
            insert(window, position);
        }
        int depth = level.searchDepth();
        int nice = level.niceLength();
        int lazy = level.lazyLength();
        int position = start;
        int inserted = start; // the first position not in the hash chains yet
        while (position < end) {
            if (position > lastHashed) {
                encoder.literal(window[position++] & 0xFF);
                continue;
            }
            find(window, position, end, depth, nice);
            inserted = position + 1;
            int length = matchLength;
            int distance = matchDistance;
            if (length < MIN_MATCH) {
                encoder.literal(window[position++] & 0xFF);
                continue;
            }
            while (length < lazy && position + 1 <= lastHashed) {
                find(window, position + 1, end, depth, nice);
                inserted = position + 2;
                if (matchLength <= length) {
                    break;
                }
                encoder.literal(window[position++] & 0xFF);
                length = matchLength;
                distance = matchDistance;
            }
            encoder.match(length, distance);
            int matchEnd = Math.min(position + length, lastHashed + 1);
            for (int p = inserted; p < matchEnd; p++) {
                insert(window, p);
            }
            position += length;
            inserted = position;
        }
    }

    private static int hash(byte[] window, int position) {
        return ((int) INT.get(window, position) * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    private void insert(byte[] window, int position) {
        int h = hash(window, position);
        previous[position & WINDOW_MASK] = head[h];
        head[h] = position;
    }

    /** Inserts {@code position} and finds the longest match for it, trying at most {@code depth} candidates. */
    private void find(byte[] window, int position, int end, int depth, int nice) {
        int h = hash(window, position);
        int candidate = head[h];
        head[h] = position;
        previous[position & WINDOW_MASK] = candidate;
        int limit = Math.max(0, position - WINDOW);
        int maxLength = Math.min(MAX_MATCH, end - position);
        int good = Math.min(nice, maxLength);
        int best = MIN_MATCH - 1;
        int bestDistance = 0;
        int first = (int) INT.get(window, position);
        while (candidate >= limit && depth-- > 0) {
            if ((int) INT.get(window, candidate + best - 3) == (int) INT.get(window, position + best - 3)
                    && (int) INT.get(window, candidate) == first) {
                int length = MIN_MATCH + extend(window, candidate + MIN_MATCH, position + MIN_MATCH,
                        maxLength - MIN_MATCH);
                if (length > best) {
                    best = length;
                    bestDistance = position - candidate;
                    if (length >= good) {
                        break;
                    }
                }
            }
            int next = previous[candidate & WINDOW_MASK];
            if (next >= candidate) {
                break;
            }
            candidate = next;
        }
        matchLength = best;
        matchDistance = bestDistance;
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
