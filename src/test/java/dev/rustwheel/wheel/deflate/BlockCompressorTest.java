package dev.rustwheel.wheel.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlockCompressorTest {

    private static final int PIECE = 256 * 1024;

    static Stream<Arguments> sizesAndKinds() {
        int items = BlockEncoder.ITEMS_PER_BUFFER;
        int[] sizes = {0, 1, 2, 3, 4, 5, 257, 258, 259, items - 1, items, items + 1, 5 * items + 7, PIECE};
        return Stream.of(Kind.values()).flatMap(kind -> Arrays.stream(sizes).mapToObj(size -> Arguments.of(kind, size)));
    }

    @ParameterizedTest
    @MethodSource("sizesAndKinds")
    void onePieceInflatesBackToItsInput(Kind kind, int size) throws Exception {
        byte[] input = kind.bytes(size, size);
        for (int level : new int[] {0, 1, 5, 9}) {
            byte[] deflated = BlockCompressor.compress(level, null, 0, input, size, true);
            assertArrayEquals(input, inflate(deflated, null, size), kind + " at level " + level);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9})
    void everyLevelInflatesBackAcrossPieces(int level) throws Exception {
        byte[] input = concat(Kind.CODE.bytes(300_000, level), Kind.TEXT.bytes(200_000, level),
                Kind.RUNS.bytes(100_000, level), Kind.RANDOM.bytes(50_000, level));
        assertArrayEquals(input, inflate(inPieces(input, 100_000, level), null, input.length));
    }

    /** Copies of every match length at distances from each distance symbol's first to its last, in random bytes. */
    @ParameterizedTest
    @ValueSource(ints = {1, 5, 9})
    void everyLengthAndDistanceSymbolInflatesBack(int level) throws Exception {
        Random random = new Random(level);
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        byte[] noise = new byte[BlockCompressor.WINDOW];
        random.nextBytes(noise);
        input.write(noise, 0, noise.length);
        int copied = 0;
        for (int length = 3; length <= 258; length++) {
            int slot = length % DeflateTables.DISTANCE_BASE.length;
            int first = DeflateTables.DISTANCE_BASE[slot];
            int distance = length % 2 == 0 ? first : first + (1 << DeflateTables.DISTANCE_EXTRA[slot]) - 1;
            byte[] sofar = input.toByteArray();
            input.write(sofar, sofar.length - distance, Math.min(length, distance));
            copied += Math.min(length, distance);
            input.write(random.nextInt(256));
        }
        byte[] bytes = input.toByteArray();
        byte[] deflated = BlockCompressor.compress(level, null, 0, bytes, bytes.length, true);
        assertArrayEquals(bytes, inflate(deflated, null, bytes.length));
        assertTrue(deflated.length < bytes.length - copied / 2, deflated.length + " of " + bytes.length);
    }

    @Test
    void higherLevelsCompressCodeBetter() {
        byte[] input = Kind.CODE.bytes(PIECE, 1);
        int one = BlockCompressor.compress(1, null, 0, input, input.length, true).length;
        int five = BlockCompressor.compress(5, null, 0, input, input.length, true).length;
        int nine = BlockCompressor.compress(9, null, 0, input, input.length, true).length;
        assertTrue(nine <= five && five < one && one < input.length * 0.8, one + " " + five + " " + nine);
    }

    @Test
    void incompressibleDataIsStoredWithLittleOverhead() throws Exception {
        byte[] input = Kind.RANDOM.bytes(PIECE, 3);
        for (int level = 1; level <= 9; level++) {
            byte[] deflated = BlockCompressor.compress(level, null, 0, input, input.length, true);
            assertTrue(deflated.length <= input.length + 5 * (input.length / 16_384 + 2),
                    "level " + level + ": " + deflated.length);
            assertArrayEquals(input, inflate(deflated, null, input.length));
        }
    }

    @Test
    void zerosShrinkToAlmostNothing() throws Exception {
        byte[] input = new byte[PIECE];
        byte[] deflated = BlockCompressor.compress(5, null, 0, input, input.length, true);
        assertTrue(deflated.length < PIECE / 200, "" + deflated.length);
        assertArrayEquals(input, inflate(deflated, null, input.length));
    }

    /** The piece repeats the dictionary's start at distance 32768 exactly: one long match, nothing stored. */
    @Test
    void matchesReachBackIntoTheDictionaryUpToTheWholeWindow() throws Exception {
        byte[] dictionary = Kind.RANDOM.bytes(BlockCompressor.WINDOW, 7);
        byte[] piece = Arrays.copyOf(dictionary, 10_000);
        byte[] deflated = BlockCompressor.compress(5, dictionary, dictionary.length, piece, piece.length, true);
        assertTrue(deflated.length < 200, "" + deflated.length);
        assertArrayEquals(piece, inflate(deflated, dictionary, piece.length));
    }

    /** Bytes further back than the window are not reachable: an inflater with only the last 32 KiB copes. */
    @Test
    void matchesNeverReachBeyondTheWindow() throws Exception {
        byte[] dictionary = Kind.RANDOM.bytes(BlockCompressor.WINDOW + 5_000, 8);
        byte[] piece = Arrays.copyOf(dictionary, 10_000); // its best matches lie 32,769 to 37,768 bytes back
        for (int level = 1; level <= 9; level++) {
            byte[] deflated = BlockCompressor.compress(level, dictionary, dictionary.length, piece, piece.length,
                    true);
            byte[] window = Arrays.copyOfRange(dictionary, 5_000, dictionary.length);
            assertArrayEquals(piece, inflate(deflated, window, piece.length), "level " + level);
        }
    }

    @Test
    void theDictionaryIsTheFirstDictionaryLengthBytes() throws Exception {
        byte[] dictionary = Arrays.copyOf(Kind.TEXT.bytes(1_000, 9), 4_000); // zeros after the first 1,000 bytes
        byte[] piece = Kind.TEXT.bytes(1_000, 9);
        byte[] deflated = BlockCompressor.compress(6, dictionary, 1_000, piece, piece.length, true);
        assertArrayEquals(piece, inflate(deflated, Arrays.copyOf(dictionary, 1_000), piece.length));
    }

    /** The working state is reused: a large window before must leave nothing a smaller one could match against. */
    @Test
    void theOutputDependsOnlyOnItsInputs() throws Exception {
        byte[] input = Kind.CODE.bytes(PIECE, 4);
        byte[] small = Arrays.copyOfRange(input, 100_000, 164_000);
        byte[] first = BlockCompressor.compress(5, input, 100_000, small, small.length, true);
        for (int level = 1; level <= 9; level++) {
            BlockCompressor.compress(level, null, 0, Kind.CODE.bytes(4 * PIECE, level), 4 * PIECE, false);
            assertArrayEquals(first, BlockCompressor.compress(5, input, 100_000, small, small.length, true));
        }
        assertArrayEquals(small, inflate(first, Arrays.copyOfRange(input, 100_000 - BlockCompressor.WINDOW,
                100_000), small.length));
    }

    /**
     * In place, as in a reused buffer: the bytes before the dictionary repeat the piece (matches there would pay)
     * and the bytes after it continue it, yet the output is that of the piece and dictionary alone.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 5, 9})
    void inPlaceTheBytesAroundTheDictionaryAndPieceAreNeverLookedAt(int level) throws Exception {
        byte[] piece = Kind.CODE.bytes(100_000, level);
        byte[] dictionary = Kind.TEXT.bytes(10_000, level);
        for (boolean last : new boolean[] {false, true}) {
            byte[] expected = BlockCompressor.compress(level, dictionary, dictionary.length, piece, piece.length,
                    last);
            byte[] window = new byte[210_000 + 100_000];
            System.arraycopy(piece, 0, window, 0, 100_000);
            System.arraycopy(dictionary, 0, window, 100_000, 10_000);
            System.arraycopy(piece, 0, window, 110_000, 100_000);
            System.arraycopy(piece, 0, window, 210_000, 100_000);
            byte[] output = Kind.RANDOM.bytes(BlockCompressor.maxCompressedSize(piece.length), level);
            int written = BlockCompressor.compress(level, window, 100_000, 110_000, 210_000, last, output);
            assertArrayEquals(expected, Arrays.copyOf(output, written), "last " + last);
            if (last) {
                assertArrayEquals(piece, inflate(expected, dictionary, piece.length));
            }
        }
    }

    /**
     * The worst inputs fit the bound: random bytes (stored blocks), and kinds that change every 1,500 bytes, so that
     * blocks are small and many of them stored.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 5, 9})
    void theOutputFitsMaxCompressedSize(int level) throws Exception {
        byte[] random = Kind.RANDOM.bytes(PIECE, level);
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        for (int i = 0; mixed.size() < PIECE; i++) {
            mixed.writeBytes(Kind.values()[i % Kind.values().length].bytes(1_500, i));
        }
        for (byte[] input : new byte[][] {random, mixed.toByteArray(), new byte[0], new byte[1]}) {
            byte[] window = Arrays.copyOf(input, input.length + BlockCompressor.PADDING);
            byte[] output = new byte[BlockCompressor.maxCompressedSize(input.length)];
            int written = BlockCompressor.compress(level, window, 0, 0, input.length, true, output);
            assertArrayEquals(input, inflate(Arrays.copyOf(output, written), null, input.length));
        }
    }

    @Test
    void refusesAnOutputBelowTheBoundAndAWindowWithoutPadding() {
        byte[] window = new byte[1_000 + BlockCompressor.PADDING];
        assertThrows(IllegalArgumentException.class, () -> BlockCompressor.compress(5, window, 0, 0, 1_000, true,
                new byte[BlockCompressor.maxCompressedSize(1_000) - 1]));
        assertThrows(IllegalArgumentException.class, () -> BlockCompressor.compress(5, window, 0, 0, 1_001, true,
                new byte[BlockCompressor.maxCompressedSize(1_001)]));
        assertThrows(IllegalArgumentException.class, () -> BlockCompressor.compress(5, window, 10, 5, 100, true,
                new byte[BlockCompressor.maxCompressedSize(95)]));
    }

    @Test
    void refusesLevelsOutsideZeroToNine() {
        assertThrows(IllegalArgumentException.class, () -> BlockCompressor.compress(10, null, 0, new byte[1], 1,
                true));
        assertThrows(IllegalArgumentException.class, () -> BlockCompressor.compress(-1, null, 0, new byte[1], 1,
                true));
    }

    /** Many small inputs of mixed kinds, with dictionaries of any length, split into pieces anywhere. */
    @Test
    void randomInputsInflateBack() throws Exception {
        Random random = new Random(20261130);
        for (int i = 0; i < 400; i++) {
            int size = random.nextInt(random.nextBoolean() ? 300 : 70_000);
            byte[] input = new byte[size];
            int n = 0;
            while (n < size) {
                Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                byte[] part = kind.bytes(Math.min(size - n, 1 + random.nextInt(5_000)), random.nextLong());
                System.arraycopy(part, 0, input, n, part.length);
                n += part.length;
            }
            int level = random.nextInt(10);
            int piece = 1 + random.nextInt(Math.max(1, size));
            assertArrayEquals(input, inflate(inPieces(input, piece, level), null, size),
                    "input " + i + ": " + size + " bytes at level " + level + " in pieces of " + piece);
        }
    }

    /** An independent inflater: Python's zlib reads a stream of several pieces. */
    @Test
    void pythonsZlibInflatesAStreamOfSeveralPieces() throws Exception {
        Path python = Stream.of("/usr/bin/python3", "/usr/local/bin/python3").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (python == null) {
            System.out.println("skipped: no python3 to inflate with");
            return;
        }
        byte[] input = concat(Kind.CODE.bytes(300_000, 11), Kind.RANDOM.bytes(70_000, 11), Kind.TEXT.bytes(90_000, 11));
        byte[] deflated = inPieces(input, 100_000, 5);
        Process process = new ProcessBuilder(python.toString(), "-c",
                "import sys, zlib; d = zlib.decompressobj(-15); out = d.decompress(sys.stdin.buffer.read());"
                        + " assert d.eof and not d.unused_data; sys.stdout.buffer.write(out)")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread writer = new Thread(() -> {
            try (var stdin = process.getOutputStream()) {
                stdin.write(deflated);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.start();
        byte[] inflated = process.getInputStream().readAllBytes();
        writer.join();
        assertEquals(0, process.waitFor());
        assertArrayEquals(input, inflated);
    }

    /** Compresses {@code input} piece by piece, each with the bytes before it as dictionary, and concatenates. */
    static byte[] inPieces(byte[] input, int pieceSize, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int offset = 0;
        do {
            int length = Math.min(pieceSize, input.length - offset);
            byte[] piece = Arrays.copyOfRange(input, offset, offset + length);
            out.writeBytes(BlockCompressor.compress(level, input, offset, piece, length,
                    offset + length == input.length));
            offset += length;
        } while (offset < input.length);
        return out.toByteArray();
    }

    static byte[] inflate(byte[] deflated, byte[] dictionary, int size) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        if (dictionary != null) {
            inflater.setDictionary(dictionary);
        }
        inflater.setInput(deflated);
        byte[] out = new byte[size + 1];
        int n = 0;
        while (!inflater.finished()) {
            int read = inflater.inflate(out, n, out.length - n);
            if (read == 0 && !inflater.finished() && inflater.needsInput()) {
                throw new DataFormatException("the stream ends before its final block");
            }
            n += read;
        }
        assertEquals(0, inflater.getRemaining(), "bytes after the final block");
        inflater.end();
        return Arrays.copyOf(out, n);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    enum Kind {
        ZEROS, RANDOM, TEXT, RUNS, CODE;

        byte[] bytes(int size, long seed) {
            Random random = new Random(seed);
            byte[] out = new byte[size];
            switch (this) {
                case ZEROS -> { }
                case RANDOM -> random.nextBytes(out);
                case TEXT -> {
                    byte[] text = ("It is a truth universally acknowledged, that a single man in possession of a"
                            + " good fortune, must be in want of a wife. ").getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < size; i++) {
                        out[i] = random.nextInt(40) == 0 ? (byte) random.nextInt(128) : text[i % text.length];
                    }
                }
                case RUNS -> { // runs of 3 to 300 equal bytes
                    int i = 0;
                    while (i < size) {
                        int run = Math.min(size - i, 3 + random.nextInt(298));
                        Arrays.fill(out, i, i + run, (byte) random.nextInt(4));
                        i += run;
                    }
                }
                case CODE -> {
                    byte[] library = library();
                    int start = library.length > size ? random.nextInt(library.length - size) : 0;
                    for (int i = 0; i < size; i++) {
                        out[i] = library[(start + i) % library.length];
                    }
                }
                default -> throw new IllegalStateException();
            }
            return out;
        }
    }

    private static byte[] library;

    /** Machine code: a shared library of this machine if there is one, else pseudo-instructions. */
    static synchronized byte[] library() {
        if (library == null) {
            Path libc = Path.of("/usr/lib/x86_64-linux-gnu/libc.so.6");
            try {
                library = Files.isReadable(libc) ? Files.readAllBytes(libc) : null;
            } catch (IOException e) {
                library = null;
            }
            if (library == null) {
                Random random = new Random(1);
                library = new byte[2 << 20];
                for (int i = 0; i < library.length; i++) { // opcodes from a small set, offsets mostly small
                    library[i] = (byte) (i % 5 == 0 ? 0x48 + random.nextInt(4) : random.nextInt(1 + i % 64));
                }
            }
        }
        return library;
    }
}
