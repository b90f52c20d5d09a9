package dev.rustwheel.binary;

import java.util.Arrays;
import java.util.Random;

/**
 * Malformed variants of a well-formed binary, from a fixed seed so that a failure reproduces: a few bytes set
 * to random or boundary values (0, 0xff, 0x7f, 0x80), sometimes in a structure header, sometimes truncated.
 */
public final class Mutants {

    private static final byte[] BOUNDARIES = {0, (byte) 0xff, 0x7f, (byte) 0x80, 1};

    private final byte[] original;
    private final Random random;
    private final int hotBytes;

    /** @param hotBytes the leading bytes (headers, load commands) that get most of the mutations */
    public Mutants(byte[] original, long seed, int hotBytes) {
        this.original = original.clone();
        this.random = new Random(seed);
        this.hotBytes = Math.min(hotBytes, original.length);
    }

    public byte[] next() {
        byte[] mutant = original.clone();
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(4) == 0 ? random.nextInt(mutant.length) : random.nextInt(hotBytes);
            mutant[at] = random.nextBoolean() ? (byte) random.nextInt(256)
                    : BOUNDARIES[random.nextInt(BOUNDARIES.length)];
        }
        if (random.nextInt(10) == 0) {
            return Arrays.copyOf(mutant, random.nextInt(mutant.length));
        }
        return mutant;
    }
}
