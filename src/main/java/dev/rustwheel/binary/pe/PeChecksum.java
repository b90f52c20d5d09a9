package dev.rustwheel.binary.pe;

/**
 * The optional header's {@code CheckSum} as the Windows image loader verifies it for drivers and
 * {@code imagehlp!CheckSumMappedFile} computes it: the 16-bit one's-complement-style sum of the file's
 * little-endian words (the checksum field counted as zero), folded, plus the file length. Computed over a stream,
 * so an image is never held whole.
 */
public final class PeChecksum {

    private final long checksumOffset;
    private long position;
    private long sum;
    private int pendingLowByte = -1;

    /** @param checksumOffset the file offset of the {@code CheckSum} field, whose words are skipped */
    PeChecksum(long checksumOffset) {
        this.checksumOffset = checksumOffset;
    }

    public static long of(byte[] image, long checksumOffset) {
        PeChecksum checksum = new PeChecksum(checksumOffset);
        checksum.update(image, 0, image.length);
        return checksum.value();
    }

    /** Adds the next {@code length} bytes of the file. */
    void update(byte[] bytes, int offset, int length) {
        for (int k = offset; k < offset + length; k++) {
            int value = Byte.toUnsignedInt(bytes[k]);
            if ((position & 1) == 0) {
                pendingLowByte = value;
            } else {
                word(position - 1, pendingLowByte | value << 8);
                pendingLowByte = -1;
            }
            position++;
        }
    }

    /** The checksum of the bytes added so far, as the whole file. */
    long value() {
        if (pendingLowByte >= 0) {
            word(position - 1, pendingLowByte); // an odd length: the last word's high byte is zero
            pendingLowByte = -1;
        }
        long folded = (sum & 0xffff) + (sum >>> 16);
        return (folded + position) & 0xffffffffL;
    }

    private void word(long at, int word) {
        if (at == checksumOffset || at == checksumOffset + 2) {
            return;
        }
        sum += word;
        sum = (sum & 0xffff) + (sum >>> 16);
    }
}
