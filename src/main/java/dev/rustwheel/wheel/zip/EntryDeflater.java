package dev.rustwheel.wheel.zip;

import dev.rustwheel.wheel.RecordRow;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Deflates one entry's content (or, for stored entries, only checksums it) in a single pass: blocks compressed in parallel, CRC-32 combined from the blocks,
 * SHA-256 and size taken for RECORD as the bytes go by, the compressed bytes kept aside until the zip header that
 * precedes them can be written.
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
    private final Path spillDirectory;

    /**
     * @param threads        how many threads the executor runs; a couple of blocks per thread may be in flight, up
     *                       to a bound
     * @param spillDirectory where compressed bytes of large entries wait for their header
     */
    EntryDeflater(ExecutorService executor, int threads, Compression compression, int blockSize,
                  Path spillDirectory) {
        this.executor = executor;
        this.compression = compression;
        this.blockSize = blockSize;
        this.maxInFlight = Math.min(2 * threads + 1, MAX_IN_FLIGHT);
        this.spillDirectory = spillDirectory;
    }

    /** An entry's deflated bytes and what its zip header and RECORD row need; closing it frees the bytes. */
    static final class Deflated implements AutoCloseable {
        private final SpillBuffer bytes;
        private final long crc;
        private final long size;
        private final RecordRow row;

        private Deflated(SpillBuffer bytes, long crc, long size, RecordRow row) {
            this.bytes = bytes;
            this.crc = crc;
            this.size = size;
            this.row = row;
        }

        long crc() {
            return crc;
        }

        long size() {
            return size;
        }

        long compressedSize() {
            return bytes.size();
        }

        RecordRow row() {
            return row;
        }

        /** The raw deflate stream, from its first byte. */
        InputStream raw() throws IOException {
            return bytes.read();
        }

        @Override
        public void close() throws IOException {
            bytes.close();
        }
    }

    /** The entry's bytes deflated, or as they are for stored compression. */
    Deflated deflate(WheelEntry entry) throws IOException {
        SpillBuffer spill = new SpillBuffer(spillDirectory, SpillBuffer.DEFAULT_THRESHOLD);
        if (!compression.deflated()) {
            try {
                CheckedOutputStream checked = new CheckedOutputStream(spill, new CRC32());
                DigestingOutputStream digesting = new DigestingOutputStream(checked);
                entry.content().writeTo(digesting);
                return new Deflated(spill, checked.getChecksum().getValue(), spill.size(),
                        digesting.recordRow(entry.path()));
            } catch (IOException | RuntimeException e) {
                spill.close();
                throw e;
            }
        }
        try (ParallelDeflateOutputStream deflate = new ParallelDeflateOutputStream(spill, executor, compression.level(),
                blockSize, maxInFlight)) {
            DigestingOutputStream digesting = new DigestingOutputStream(deflate);
            entry.content().writeTo(digesting);
            deflate.finish();
            return new Deflated(spill, deflate.crc(), deflate.size(), digesting.recordRow(entry.path()));
        } catch (IOException | RuntimeException e) {
            spill.close();
            throw e;
        }
    }
}
