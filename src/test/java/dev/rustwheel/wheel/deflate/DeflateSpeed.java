package dev.rustwheel.wheel.deflate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The benchmark behind bench/deflate-speed.sh: compresses a file in 1 MiB pieces on one thread, each primed with
 * the 32 KiB before it, as the wheel writer does, with {@link BlockCompressor} at the given levels and with the
 * JDK's Deflater (zlib) at a baseline level, interleaved piece by piece (on a busy machine, runs interleaved only
 * round by round differed by a third); prints each run's thread CPU time and
 * output size, then the medians and their ratios to the baseline. Checks that our output inflates to the input.
 *
 * <p>usage: DeflateSpeed file rounds baselineLevel level... (a level may be given as depth,nice,lazy,good to try
 * parameters out)
 */
public final class DeflateSpeed {

    private static final int PIECE = 1 << 20;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DeflateSpeed() {
    }

    public static void main(String[] args) throws IOException, DataFormatException {
        byte[] data = Files.readAllBytes(Path.of(args[0]));
        int rounds = Integer.parseInt(args[1]);
        int baselineLevel = Integer.parseInt(args[2]);
        String[] levels = Arrays.copyOfRange(args, 3, args.length);
        verify(data, levels);
        List<long[]> baseline = new ArrayList<>();
        List<List<long[]>> ours = new ArrayList<>();
        for (String level : levels) {
            ours.add(new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            long[][] r = run(data, baselineLevel, levels, round);
            baseline.add(r[0]);
            System.out.printf("round %d: zlib %d: %.2f s %,d B%n", round, baselineLevel, r[0][0] / 1e9, r[0][1]);
            for (int i = 0; i < levels.length; i++) {
                ours.get(i).add(r[i + 1]);
                System.out.printf("round %d: ours %s: %.2f s %,d B%n", round, levels[i], r[i + 1][0] / 1e9,
                        r[i + 1][1]);
            }
        }
        double base = median(baseline);
        double baseMin = minimum(baseline);
        long baseSize = baseline.get(0)[1];
        System.out.printf("%,d bytes, %d rounds; zlib level %d: median %.3f s CPU (least %.3f s), %,d B%n",
                data.length, rounds, baselineLevel, base / 1e9, baseMin / 1e9, baseSize);
        for (int i = 0; i < levels.length; i++) {
            double t = median(ours.get(i));
            double least = minimum(ours.get(i));
            long size = ours.get(i).get(0)[1];
            System.out.printf("ours level %s: median %.3f s CPU = %.3f x zlib %d (least: %.3f x); %,d B = %.4f x%n",
                    levels[i], t / 1e9, t / base, baselineLevel, least / baseMin, size, (double) size / baseSize);
        }
    }

    /** The least time is the one least disturbed by other work on the machine. */
    private static double minimum(List<long[]> runs) {
        return runs.stream().mapToLong(r -> r[0]).min().orElseThrow();
    }

    private static double median(List<long[]> runs) {
        long[] t = runs.stream().mapToLong(r -> r[0]).sorted().toArray();
        return t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2.0;
    }

    /**
     * One round: every piece compressed by zlib and by each of our levels in turn (the order rotating from piece to
     * piece), so that all of them share whatever else the machine is doing at the time. Returns, for zlib then each
     * level, the thread CPU nanoseconds and the compressed size.
     */
    private static long[][] run(byte[] data, int baselineLevel, String[] levels, int round) {
        int variants = levels.length + 1;
        long[][] result = new long[variants][2];
        int piece = 0;
        for (int offset = 0; offset < data.length; offset += PIECE, piece++) {
            int length = Math.min(PIECE, data.length - offset);
            boolean last = offset + length == data.length;
            for (int k = 0; k < variants; k++) {
                int variant = (k + piece + round) % variants;
                long start = THREADS.getCurrentThreadCpuTime();
                result[variant][1] += variant == 0 ? zlibPiece(data, offset, length, baselineLevel, last)
                        : compressPiece(data, offset, length, levels[variant - 1], last).length;
                result[variant][0] += THREADS.getCurrentThreadCpuTime() - start;
            }
        }
        return result;
    }

    private static byte[] compressPiece(byte[] data, int offset, int length, String level, boolean last) {
        int dictionary = Math.min(offset, BlockCompressor.WINDOW);
        byte[] before = Arrays.copyOfRange(data, offset - dictionary, offset);
        byte[] piece = offset == 0 && length == data.length ? data : Arrays.copyOfRange(data, offset, offset + length);
        LevelParameters parameters = level.contains(",") ? LevelParameters.parse(level)
                : LevelParameters.of(Integer.parseInt(level));
        return BlockCompressor.compress(parameters, before, dictionary, piece, length, last);
    }

    private static final byte[] CHUNK = new byte[64 * 1024];

    private static long zlibPiece(byte[] data, int offset, int length, int level, boolean last) {
        Deflater deflater = new Deflater(level, true);
        int dictionary = Math.min(offset, BlockCompressor.WINDOW);
        if (dictionary > 0) {
            deflater.setDictionary(data, offset - dictionary, dictionary);
        }
        byte[] piece = Arrays.copyOfRange(data, offset, offset + length); // as ours, which copies its input too
        deflater.setInput(piece);
        long size = 0;
        if (last) {
            deflater.finish();
            while (!deflater.finished()) {
                size += deflater.deflate(CHUNK, 0, CHUNK.length, Deflater.NO_FLUSH);
            }
        } else {
            int n;
            do {
                n = deflater.deflate(CHUNK, 0, CHUNK.length, Deflater.SYNC_FLUSH);
                size += n;
            } while (n == CHUNK.length || !deflater.needsInput());
        }
        deflater.end();
        return size;
    }

    private static void verify(byte[] data, String[] levels) throws DataFormatException {
        for (String level : levels) {
            Inflater inflater = new Inflater(true);
            byte[] back = new byte[PIECE];
            for (int offset = 0; offset < data.length; offset += PIECE) {
                int length = Math.min(PIECE, data.length - offset);
                byte[] piece = compressPiece(data, offset, length, level, offset + length == data.length);
                inflater.setInput(piece);
                int n = 0;
                while (n < length) {
                    int got = inflater.inflate(back, n, length - n);
                    if (got == 0 && inflater.needsInput()) {
                        break;
                    }
                    n += got;
                }
                if (n != length || !Arrays.equals(back, 0, length, data, offset, offset + length)) {
                    throw new IllegalStateException("level " + level + ": piece at " + offset + " does not inflate back");
                }
            }
            if (!inflater.finished()) {
                throw new IllegalStateException("level " + level + ": the stream does not end");
            }
            inflater.end();
        }
    }
}
