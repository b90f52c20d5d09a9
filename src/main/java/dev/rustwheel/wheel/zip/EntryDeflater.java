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
 * archive: pieces compressed in parallel and written in order as they complete, CRC-32 combined from the pieces,
 * SHA-256 and size taken for RECORD as the bytes go by. The thread calling {@link #deflate} reads, digests and
 * writes while the executor's threads compress, at most a bounded number of pieces ahead, in buffers reused from
 * piece to piece and entry to entry.
 */
final class EntryDeflater {

    /**
     * Each piece in use (one more than are in flight) holds about 2 MiB of heap, its input and output buffers; in a
     * heap of 128 MiB G1's regions are 1 MiB, so each buffer takes two and a piece 4 MiB. This many keep that under
     * 70 MiB on any machine, so a 1 GiB wheel builds in a 128 MiB heap even with dozens of threads, and keep 15
     * threads busy (a piece is read in a fraction of the time it takes to compress).
     */
    private static final int MAX_IN_FLIGHT = 16;

    private final ExecutorService executor;
    private final Compression compression;
    private final int maxInFlight;
    private final PiecePool pool;

    /**
     * @param threads how many threads the executor runs; a couple of pieces per thread may be in flight, up to a
     *                bound
     */
    EntryDeflater(ExecutorService executor, int threads, Compression compression, int pieceSize) {
        this.executor = executor;
        this.compression = compression;
        this.maxInFlight = Math.min(2 * threads + 1, MAX_IN_FLIGHT);
        this.pool = new PiecePool(pieceSize, maxInFlight + 1);
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
                pool, maxInFlight)) {
            DigestingOutputStream digesting = new DigestingOutputStream(deflate);
            entry.content().writeTo(digesting);
            deflate.finish();
            return new Written(deflate.crc(), deflate.size(), digesting.recordRow(entry.path()));
        }
    }
}
