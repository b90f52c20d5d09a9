package dev.rustwheel.wheel.zip;

import java.util.Locale;
import java.util.zip.ZipEntry;

/**
 * How the wheel's entries are compressed: {@code deflated} at a level from 0 to 9 ({@link #DEFAULT_LEVEL} unless
 * told otherwise) or {@code stored}, which is much faster for large debug builds at the cost of size.
 */
public record Compression(boolean deflated, int level) {

    /**
     * Measured on machine code (bench/deflate-speed.sh 256 3 5 4 5 6: 256 MiB of shared libraries, one thread, load
     * average about 4): our compressor's level 5 wrote 1.0008 × the bytes of zlib's level 5 (below maturin 1.15's
     * wheels) for 0.72 × its CPU time; level 4 costs 0.66 × but writes 1.1% more than zlib's level 5, within 0.4%
     * of maturin's; level 6 writes 0.9% less than zlib's level 5 for 0.76 ×. Later runs of the same command
     * (load average about 3) spread from 0.70 × to 0.80 × for level 5: the machine's noise exceeds the later
     * changes' gain of about 5%.
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
