package dev.rustwheel.wheel.zip;

import java.util.Locale;
import java.util.zip.ZipEntry;

/**
 * How the wheel's entries are compressed: {@code deflated} at a level from 0 to 9 ({@link #DEFAULT_LEVEL} unless
 * told otherwise) or {@code stored}, which is much faster for large debug builds at the cost of size.
 */
public record Compression(boolean deflated, int level) {

    /**
     * Measured on machine code with bench/deflate-speed.sh on an idle machine (96 MiB of shared libraries, one
     * thread, 3 rounds): our level 5 took 0.66 × the CPU time of zlib's level 5 for 0.9989 × its bytes, below
     * maturin 1.15's wheels; level 4 took 0.61 × for 1.0085 ×. Measured again interleaved over 22 rounds, level 4
     * saved 5% of level 5's CPU time, and its wheel of the 256 MiB bench crate was 0.9986 × maturin's (84,813,985
     * against 84,937,113 bytes): too close for a default. Level 5 has since been made cheaper (README,
     * "Performance"): 1.0034 × zlib level 5's bytes, its wheel of that crate 0.9931 × maturin's.
     */
    public static final int DEFAULT_LEVEL = 5;

    public static final Compression DEFAULT = new Compression(true, DEFAULT_LEVEL);

    public Compression {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("compression level " + level + " is not between 0 and 9");
        }
    }

    /**
     * @param method {@code deflated} or {@code stored}
     * @param level  0 to 9 for deflated, or null for the default
     * @throws IllegalArgumentException saying which values are accepted
     */
    public static Compression of(String method, Integer level) {
        String name = method == null ? "deflated" : method.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "deflated", "deflate" -> new Compression(true, level == null ? DEFAULT_LEVEL : level);
            case "stored", "store" -> {
                if (level != null && level != 0) {
                    throw new IllegalArgumentException("compressionLevel " + level + " has no meaning for stored"
                            + " entries; remove it or use compression deflated");
                }
                yield new Compression(false, 0);
            }
            default -> throw new IllegalArgumentException("compression '" + method + "' is not supported; use"
                    + " deflated or stored");
        };
    }

    int zipMethod() {
        return deflated ? ZipEntry.DEFLATED : ZipEntry.STORED;
    }
}
