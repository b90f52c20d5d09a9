package dev.rustwheel.wheel.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class Crc32CombineTest {

    @Test
    void combinedCrcEqualsTheCrcOfTheConcatenation() {
        Random random = new Random(9);
        for (int[] lengths : new int[][] {{0, 0}, {0, 5}, {5, 0}, {1, 1}, {1000, 1}, {3, 65_537}, {70_000, 1 << 20}}) {
            byte[] first = new byte[lengths[0]];
            byte[] second = new byte[lengths[1]];
            random.nextBytes(first);
            random.nextBytes(second);
            CRC32 whole = new CRC32();
            whole.update(first);
            whole.update(second);
            assertEquals(whole.getValue(), Crc32Combine.combine(crc(first), crc(second), second.length),
                    lengths[0] + " + " + lengths[1] + " bytes");
        }
    }

    /** Lengths beyond 4 GiB matter for zip64 entries; zeros let the expected value be computed in pieces. */
    @Test
    void combinesAcrossLengthsBeyondFourGibibytes() {
        byte[] zeros = new byte[1 << 20];
        CRC32 sequential = new CRC32();
        sequential.update(new byte[] {42});
        long combined = crc(new byte[] {42});
        long zerosCrc = crc(zeros);
        long fourGibPlusOneMib = 0;
        long blockOfZerosCrc = zerosCrc;
        long blockLength = zeros.length;
        for (int i = 0; i < 4097; i++) {
            sequential.update(zeros);
            fourGibPlusOneMib += zeros.length;
        }
        // the same 4097 MiB of zeros as one piece, its CRC built by doubling
        long piece = 0;
        long pieceLength = 0;
        for (int bit = 0; (4097 >> bit) != 0; bit++) {
            if (((4097 >> bit) & 1) != 0) {
                piece = Crc32Combine.combine(piece, blockOfZerosCrc, blockLength);
                pieceLength += blockLength;
            }
            blockOfZerosCrc = Crc32Combine.combine(blockOfZerosCrc, blockOfZerosCrc, blockLength);
            blockLength *= 2;
        }
        assertEquals(fourGibPlusOneMib, pieceLength);
        assertEquals(sequential.getValue(), Crc32Combine.combine(combined, piece, pieceLength));
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
