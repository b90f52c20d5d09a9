package dev.rustwheel.wheel.zip;

/**
 * Joins the CRC-32s of two adjacent pieces of data into the CRC-32 of both, knowing only the second piece's
 * length, so that blocks checksummed on different threads give the checksum of the whole entry. The arithmetic
 * is that of zlib's {@code crc32_combine}: appending {@code n} bytes multiplies the first CRC by
 * x<sup>8n</sup> modulo the CRC polynomial, computed by squaring.
 */
final class Crc32Combine {

    /** The CRC-32 polynomial, bit-reversed as the zip CRC processes bits lowest first. */
    private static final int POLYNOMIAL = 0xedb88320;

    /** {@code POWERS[k]} is x<sup>2<sup>k</sup></sup> modulo the polynomial. */
    private static final int[] POWERS = new int[32];

    static {
        int power = 1 << 30; // x^1 in the reflected representation, where x^0 is the top bit
        POWERS[0] = power;
        for (int k = 1; k < POWERS.length; k++) {
            power = multiply(power, power);
            POWERS[k] = power;
        }
    }

    private Crc32Combine() {
    }

    /**
     * @param first        the CRC-32 of the first piece
     * @param second       the CRC-32 of the second piece
     * @param secondLength the length of the second piece in bytes
     * @return the CRC-32 of the first piece followed by the second
     */
    static long combine(long first, long second, long secondLength) {
        if (secondLength < 0) {
            throw new IllegalArgumentException("negative length " + secondLength);
        }
        int shifted = multiply(xPowerOfEightTimes(secondLength), (int) first);
        return (shifted ^ (int) second) & 0xffffffffL;
    }

    /** x<sup>8n</sup> modulo the polynomial: the product of x<sup>2<sup>k</sup></sup> for each set bit of 8n. */
    private static int xPowerOfEightTimes(long n) {
        int result = 1 << 31; // x^0
        int k = 3; // 8n = n << 3
        for (long rest = n; rest != 0; rest >>>= 1, k++) {
            if ((rest & 1) != 0) {
                result = multiply(POWERS[k & 31], result);
            }
        }
        return result;
    }

    /** a(x)·b(x) modulo the polynomial, both reflected. */
    private static int multiply(int a, int b) {
        int mask = 1 << 31;
        int product = 0;
        while (true) {
            if ((a & mask) != 0) {
                product ^= b;
                if ((a & (mask - 1)) == 0) {
                    return product;
                }
            }
            mask >>>= 1;
            b = (b & 1) != 0 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1;
        }
    }
}
