package dev.rustwheel.binary.pe;

/**
 * The optional header's {@code CheckSum} as the Windows image loader verifies it for drivers and
 * {@code imagehlp!CheckSumMappedFile} computes it: the 16-bit one's-complement-style sum of the file's
 * little-endian words (the checksum field counted as zero), folded, plus the file length.
 */
public final class PeChecksum {

    private PeChecksum() {
    }

    public static long of(byte[] image, long checksumOffset) {
        long sum = 0;
        for (int i = 0; i < image.length; i += 2) {
            if (i == checksumOffset || i == checksumOffset + 2) {
                continue;
            }
            int word = Byte.toUnsignedInt(image[i]) | (i + 1 < image.length ? Byte.toUnsignedInt(image[i + 1]) << 8 : 0);
            sum += word;
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        sum = (sum & 0xffff) + (sum >>> 16);
        return (sum + image.length) & 0xffffffffL;
    }
}
