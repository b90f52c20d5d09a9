package dev.rustwheel.wheel.zip;

import dev.rustwheel.wheel.RecordRow;
import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a wheel whose one large entry is just over 4 GiB of generated, highly compressible bytes, so that the
 * entry needs zip64 sizes; {@code bench/zip64.sh} then has Python's zipfile and pip read it. A main rather than a
 * unit test: compressing and checking 4 GiB takes minutes of CPU, too much for every build. Stored, the entry
 * pushes every later local header and the central directory past 4 GiB, so zip64 offsets and end records are
 * needed too.
 *
 * <p>usage: {@code Zip64Check <wheel file> <size in MiB> [deflated|stored]}
 */
public final class Zip64Check {

    private Zip64Check() {
    }

    public static void main(String[] args) throws IOException {
        Path wheel = Path.of(args[0]);
        long size = Long.parseLong(args[1]) << 20;
        long start = System.nanoTime();
        Compression compression = args.length > 2 && args[2].equals("stored") ? Compression.of("stored", null)
                : Compression.DEFAULT;
        List<RecordRow> rows = new WheelWriter(WheelWriter.ZIP_EPOCH, compression).write(wheel, "big-1.0.dist-info",
                List.of(new WheelEntry("big/__init__.py", text("from pathlib import Path\n"), false),
                        new WheelEntry("big/huge.bin", new Generated(size), false)),
                List.of(new WheelEntry("METADATA", text("Metadata-Version: 2.1\nName: big\nVersion: 1.0\n"), false),
                        new WheelEntry("WHEEL", text("Wheel-Version: 1.0\nGenerator: rustwheel\n"
                                + "Root-Is-Purelib: true\nTag: py3-none-any\n"), false)));
        System.out.printf("wrote %s in %.1f s: %s%n", wheel, (System.nanoTime() - start) / 1e9, rows.get(1));
    }

    private static EntryContent text(String text) {
        return EntryContent.ofBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A line of text with a counter, repeated: compresses to a few per mille, yet is not all zeros. */
    private record Generated(long size) implements EntryContent {

        @Override
        public void writeTo(OutputStream out) throws IOException {
            byte[] chunk = new byte[1 << 20];
            long written = 0;
            long line = 0;
            while (written < size) {
                int filled = 0;
                while (filled < chunk.length) {
                    byte[] text = ("line " + line++ + " of a generated file bigger than 4 GiB\n")
                            .getBytes(StandardCharsets.US_ASCII);
                    int n = Math.min(text.length, chunk.length - filled);
                    System.arraycopy(text, 0, chunk, filled, n);
                    filled += n;
                }
                int n = (int) Math.min(chunk.length, size - written);
                out.write(chunk, 0, n);
                written += n;
            }
        }

        @Override
        public String fingerprint() {
            return "generated:" + size;
        }
    }
}
