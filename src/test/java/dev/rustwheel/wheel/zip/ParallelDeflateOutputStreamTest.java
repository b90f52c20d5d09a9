package dev.rustwheel.wheel.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.wheel.deflate.BlockCompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelDeflateOutputStreamTest {

    private static final int BLOCK = 64 * 1024;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK, 7 * BLOCK + 12_345})
    void inflatesBackToTheInputWithTheCrcOfASequentialPass(int size) throws Exception {
        byte[] input = sample(size);
        Result result = deflate(input, 2, BLOCK, 6, 1000);
        assertArrayEquals(input, inflate(result.bytes(), size));
        CRC32 crc = new CRC32();
        crc.update(input);
        assertEquals(crc.getValue(), result.crc());
        assertEquals(size, result.size());
    }

    /** The block size is fixed, so the number of threads and how far they run ahead change nothing. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, BLOCK, 5 * BLOCK + 77})
    void theBytesAreTheSameForOneTwoAndEightThreads(int size) throws Exception {
        byte[] input = sample(size);
        byte[] one = deflate(input, 1, BLOCK, 6, 1).bytes();
        assertArrayEquals(one, deflate(input, 2, BLOCK, 6, 5).bytes());
        assertArrayEquals(one, deflate(input, 8, BLOCK, 6, 17).bytes());
    }

    @Test
    void theDefaultBlockSizeWorksAcrossSeveralBlocks() throws Exception {
        byte[] input = sample(3 * ParallelDeflateOutputStream.DEFAULT_BLOCK_SIZE + 1);
        Result result = deflate(input, 2, ParallelDeflateOutputStream.DEFAULT_BLOCK_SIZE, 4, 5);
        assertArrayEquals(input, inflate(result.bytes(), input.length));
    }

    /** Priming each block with the one before keeps the parallel stream within a whisker of a sequential one. */
    @Test
    void compressesAlmostAsWellAsOneSequentialStream() throws Exception {
        byte[] input = sample(16 * BLOCK);
        int sequential = BlockCompressor.compress(6, null, 0, input, input.length, true).length;
        int parallel = deflate(input, 2, BLOCK, 6, 5).bytes().length;
        assertTrue(parallel < sequential * 1.01, parallel + " vs " + sequential);
    }

    @Test
    void theOutputOfWritesOfAnySizeIsTheSame() throws Exception {
        byte[] input = sample(2 * BLOCK + 3);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ParallelDeflateOutputStream deflate = new ParallelDeflateOutputStream(out, executor, 6,
                    new PiecePool(BLOCK, 4), 3);
            for (byte b : input) {
                deflate.write(b);
            }
            deflate.finish();
            assertArrayEquals(deflate(input, 2, BLOCK, 6, 3).bytes(), out.toByteArray());
            assertEquals(out.size(), deflate.compressedSize());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void refusesBlocksSmallerThanTheWindow() {
        assertThrows(IllegalArgumentException.class, () -> new PiecePool(BlockCompressor.WINDOW - 1, 2));
    }

    /**
     * Entries written one after the other share the pool: a piece comes back holding stale bytes of a larger entry
     * (its dictionary region, data and output), yet each entry's bytes equal those from a fresh pool, and the pool
     * allocates only as many pieces as are ever in use at once (in flight, and the one being filled).
     */
    @Test
    void reusedPiecesGiveTheBytesOfFreshOnes() throws Exception {
        byte[][] entries = {sample(9 * BLOCK + 5), sample(100), sample(0), java.util.Arrays.copyOf(sample(BLOCK), 3),
            sample(2 * BLOCK + 40_000), sample(BLOCK)};
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            PiecePool pool = new PiecePool(BLOCK, 4);
            for (byte[] input : entries) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (ParallelDeflateOutputStream deflate = new ParallelDeflateOutputStream(out, executor, 5, pool, 3)) {
                    deflate.write(input, 0, input.length);
                    deflate.finish();
                    CRC32 crc = new CRC32();
                    crc.update(input);
                    assertEquals(crc.getValue(), deflate.crc());
                }
                assertArrayEquals(deflate(input, 2, BLOCK, 5, 1000).bytes(), out.toByteArray(), input.length + " bytes");
                assertArrayEquals(input, inflate(out.toByteArray(), input.length));
            }
            assertEquals(4, pool.created());
        } finally {
            executor.shutdownNow();
        }
    }

    record Result(byte[] bytes, long crc, long size) {
    }

    static Result deflate(byte[] input, int threads, int blockSize, int level, int chunk) throws IOException {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ParallelDeflateOutputStream deflate = new ParallelDeflateOutputStream(out, executor, level,
                    new PiecePool(blockSize, 2 * threads + 2), 2 * threads + 1);
            for (int offset = 0; offset < input.length; offset += chunk) {
                deflate.write(input, offset, Math.min(chunk, input.length - offset));
            }
            deflate.finish();
            return new Result(out.toByteArray(), deflate.crc(), deflate.size());
        } finally {
            executor.shutdownNow();
        }
    }

    static byte[] inflate(byte[] deflated, int size) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        inflater.setInput(deflated);
        byte[] out = new byte[size + 1];
        int n = 0;
        while (!inflater.finished()) {
            int read = inflater.inflate(out, n, out.length - n);
            if (read == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                throw new DataFormatException("the stream ends before its final block");
            }
            n += read;
        }
        inflater.end();
        assertEquals(size, n);
        return java.util.Arrays.copyOf(out, n);
    }

    /** Compressible but not trivial: words from a small vocabulary with random numbers, like text or code. */
    static byte[] sample(int size) {
        Random random = new Random(size);
        String[] words = {"fn ", "let ", "mut ", "self", "::", "Vec<u8>", "\n", "    ", "return ", "match "};
        byte[] out = new byte[size];
        int n = 0;
        while (n < size) {
            byte[] word = (words[random.nextInt(words.length)] + random.nextInt(1000)).getBytes();
            int length = Math.min(word.length, size - n);
            System.arraycopy(word, 0, out, n, length);
            n += length;
        }
        return out;
    }
}
