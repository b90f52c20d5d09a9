package dev.rustwheel.wheel.zip;

import dev.rustwheel.wheel.RecordRow;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Deflates one entry's content (or, for stored entries, only checksums it) in a single pass straight into the
 * archive: blocks compressed in parallel and written in order as they complete, CRC-32 combined from the blocks,
 * SHA-256 and size taken for RECORD as the bytes go by. The thread calling {@link #deflate} reads, digests and
 * writes while the executor's threads compress, at most a bounded number of blocks ahead.
 */
final class EntryDeflater {

    /**
     * Each block in flight holds about 2 MiB of heap at worst (its input and its output); this many keep the heap
     * need near 50 MiB on any machine, so a 1 GiB wheel builds in a 128 MiB heap even with dozens of threads.
     */
    private static final int MAX_IN_FLIGHT = 24;

    private final ExecutorService executor;
    private final Compression compression;
    private final int blockSize;
    private final int maxInFlight;

    /**
     * @param threads how many threads the executor runs; a couple of blocks per thread may be in flight, up to a
     *                bound
     */
    EntryDeflater(ExecutorService executor, int threads, Compression compression, int blockSize) {
        this.executor = executor;
        this.compression = compression;
        this.blockSize = blockSize;
        this.maxInFlight = Math.min(2 * threads + 1, MAX_IN_FLIGHT);
    }

    /** What the entry's headers and RECORD row need once its data is written. */
    record Written(long crc, long size, RecordRow row) {
    }

    /** Writes the entry's bytes deflated (or as they are, for stored compression) to {@code out}. */
    Written deflate(WheelEntry entry, OutputStream out) throws IOException {
        if (!compression.deflated()) {
            CheckedOutputStream checked = new CheckedOutputStream(out, new CRC32());
            DigestingOutputStream digesting = new DigestingOutputStream(checked);
            entry.content().writeTo(digesting);
            RecordRow row = digesting.recordRow(entry.path());
            return new Written(checked.getChecksum().getValue(), row.size(), row);
        }
        try (ParallelDeflateOutputStream deflate = new ParallelDeflateOutputStream(out, executor, compression.level(),
                blockSize, maxInFlight)) {
            DigestingOutputStream digesting = new DigestingOutputStream(deflate);
            entry.content().writeTo(digesting);
            deflate.finish();
            return new Written(deflate.crc(), deflate.size(), digesting.recordRow(entry.path()));
        }
    }
}
