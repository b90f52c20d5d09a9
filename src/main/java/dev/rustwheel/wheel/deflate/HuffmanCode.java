package dev.rustwheel.wheel.deflate;

import java.util.Arrays;

/**
 * Builds length-limited canonical Huffman codes from symbol frequencies: an optimal code first (two-queue method
 * over the symbols sorted by frequency), then, if it is too deep, the overlong codes are shortened and the Kraft
 * sum restored by lengthening the deepest codes that still fit, as deflate's 15-bit (and 7-bit) limits require.
 */
final class HuffmanCode {

    private static final int MAX_SYMBOLS = 288;

    private final long[] sorted = new long[MAX_SYMBOLS];
    private final int[] internalWeight = new int[MAX_SYMBOLS];
    private final int[] internalParent = new int[MAX_SYMBOLS];
    private final int[] leafParent = new int[MAX_SYMBOLS];
    private final int[] internalDepth = new int[MAX_SYMBOLS];
    private final int[] countOfLength = new int[64];

    /**
     * Sets {@code lengths[0..n)} to the code lengths, at most {@code limit}, of a prefix code for the frequencies.
     * At least two symbols get a code (a complete code is what every inflater accepts), even if fewer are used.
     */
    void lengths(int[] frequencies, int n, int limit, int[] lengths) {
        Arrays.fill(lengths, 0, n, 0);
        int used = 0;
        for (int symbol = 0; symbol < n; symbol++) {
            if (frequencies[symbol] != 0) {
                sorted[used++] = ((long) frequencies[symbol] << 16) | symbol;
            }
        }
        if (used < 2) {
            int only = used == 1 ? (int) (sorted[0] & 0xFFFF) : 0;
            lengths[only] = 1;
            lengths[only == 0 ? 1 : 0] = 1;
            return;
        }
        Arrays.sort(sorted, 0, used);
        int leaf = 0;
        int internal = 0;
        for (int node = 0; node < used - 1; node++) {
            int weight = 0;
            for (int child = 0; child < 2; child++) {
                if (leaf < used && (internal >= node || (sorted[leaf] >>> 16) <= internalWeight[internal])) {
                    weight += (int) (sorted[leaf] >>> 16);
                    leafParent[leaf++] = node;
                } else {
                    weight += internalWeight[internal];
                    internalParent[internal++] = node;
                }
            }
            internalWeight[node] = weight;
        }
        int root = used - 2;
        internalDepth[root] = 0;
        for (int node = root - 1; node >= 0; node--) {
            internalDepth[node] = internalDepth[internalParent[node]] + 1;
        }
        Arrays.fill(countOfLength, 0);
        for (int i = 0; i < used; i++) {
            countOfLength[Math.min(limit, internalDepth[leafParent[i]] + 1)]++;
        }
        limitLengths(limit);
        // the rarest symbols get the longest codes
        int i = 0;
        for (int length = limit; length >= 1; length--) {
            for (int k = countOfLength[length]; k > 0; k--) {
                lengths[(int) (sorted[i++] & 0xFFFF)] = length;
            }
        }
    }

    /** Restores the Kraft sum to one after the overlong codes were counted as {@code limit} long. */
    private void limitLengths(int limit) {
        long kraft = 0;
        for (int length = 1; length <= limit; length++) {
            kraft += (long) countOfLength[length] << (limit - length);
        }
        while (kraft > 1L << limit) {
            // one code of the longest length goes; a shorter code splits in two one level deeper to house it
            countOfLength[limit]--;
            for (int length = limit - 1; length > 0; length--) {
                if (countOfLength[length] != 0) {
                    countOfLength[length]--;
                    countOfLength[length + 1] += 2;
                    break;
                }
            }
            kraft--;
        }
    }

    /** Sets {@code codes[0..n)} to the canonical codes of the lengths, bit-reversed for deflate's LSB-first order. */
    static void codes(int[] lengths, int n, int[] codes) {
        int[] count = new int[16];
        for (int symbol = 0; symbol < n; symbol++) {
            count[lengths[symbol]]++;
        }
        count[0] = 0;
        int[] next = new int[16];
        int code = 0;
        for (int length = 1; length < 16; length++) {
            code = (code + count[length - 1]) << 1;
            next[length] = code;
        }
        for (int symbol = 0; symbol < n; symbol++) {
            int length = lengths[symbol];
            codes[symbol] = length == 0 ? 0 : Integer.reverse(next[length]++) >>> (32 - length);
        }
    }
}
