package dev.rustwheel.wheel.zip;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Deflates what is written to it on several threads and writes one raw deflate stream to {@code out}, as pigz
 * does: the input is cut into blocks of a fixed size, each compressed by {@link DeflateBlock} on the executor, and
 * the results written in order. Since the block size does not depend on the number of threads, neither do the
 * bytes. At most {@code maxInFlight} blocks are held at once, so memory does not depend on the entry's size; the
 * writing thread waits for the oldest block when that many are pending.
 *
 * <p>Not thread-safe: one thread writes, then calls {@link #finish()}. The CRC-32 and sizes of the entry are read
 * afterwards.
 */
final class ParallelDeflateOutputStream extends OutputStream {

    /** Large enough that the per-block overhead (a few bytes, a dictionary reset) is lost in the noise. */
    static final int DEFAULT_BLOCK_SIZE = 1 << 20;

    /** Most entries are small files: their buffer starts small and grows up to the block size. */
    private static final int FIRST_BUFFER = 64 * 1024;

    private final OutputStream out;
    private final ExecutorService executor;
    private final int level;
    private final int blockSize;
    private final int maxInFlight;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    /** Input buffers no block needs any more, reused so the heap does not churn through one per block. */
    private final ArrayDeque<byte[]> freeBuffers = new ArrayDeque<>();

    private byte[] block;
    private int filled;
    private byte[] previous;
    private byte[] writtenBuffer;
    private int previousLength;
    private long crc;
    private long size;
    private long compressedSize;
    private boolean finished;

    /**
     * @param blockSize   the uncompressed size of every block but the last; at least deflate's 32 KiB window, so
     *                    that one previous block is a full dictionary
     * @param maxInFlight how many blocks may wait for or undergo compression at once
     */
    ParallelDeflateOutputStream(OutputStream out, ExecutorService executor, int level, int blockSize,
                                int maxInFlight) {
        if (blockSize < DeflateBlock.WINDOW) {
            throw new IllegalArgumentException("block size " + blockSize + " is below deflate's window");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one block must be allowed in flight");
        }
        this.out = out;
        this.executor = executor;
        this.level = level;
        this.blockSize = blockSize;
        this.maxInFlight = maxInFlight;
        this.block = new byte[Math.min(blockSize, FIRST_BUFFER)];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (finished) {
            throw new IOException("the deflate stream is already finished");
        }
        int done = 0;
        while (done < length) {
            if (filled == blockSize) {
                submit(false); // only now is it known that this block is not the last
            }
            int n = Math.min(length - done, blockSize - filled);
            if (filled + n > block.length) {
                block = Arrays.copyOf(block, Math.min(blockSize, Math.max(block.length * 2, filled + n)));
            }
            System.arraycopy(bytes, offset + done, block, filled, n);
            filled += n;
            done += n;
        }
        size += length;
    }

    /** Compresses the last block and writes everything; the stream is complete afterwards. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        submit(true);
        while (!pending.isEmpty()) {
            writeOldest();
        }
        finished = true;
    }

    /** The CRC-32 of all bytes written, once {@link #finish()} returned. */
    long crc() {
        requireFinished();
        return crc;
    }

    /** The number of uncompressed bytes written. */
    long size() {
        return size;
    }

    /** The number of compressed bytes written to the underlying stream, once {@link #finish()} returned. */
    long compressedSize() {
        requireFinished();
        return compressedSize;
    }

    /** Abandons blocks still pending; the underlying stream is left open, as by {@link #finish()}. */
    @Override
    public void close() {
        for (Pending block : pending) {
            block.result().cancel(true);
        }
        pending.clear();
    }

    private void submit(boolean last) throws IOException {
        byte[] data = block;
        int length = filled;
        byte[] dictionary = previous;
        int dictionaryLength = previousLength;
        pending.add(new Pending(data, executor.submit(() ->
                DeflateBlock.compress(level, dictionary, dictionaryLength, data, length, last))));
        // this block is the next one's dictionary, so its buffer stays untouched until that block is written
        previous = data;
        previousLength = length;
        while (pending.size() >= maxInFlight) {
            writeOldest();
        }
        block = freeBuffers.isEmpty() ? new byte[blockSize] : freeBuffers.pop();
        filled = 0;
    }

    private void writeOldest() throws IOException {
        Pending oldest = pending.peek();
        DeflateBlock.Compressed compressed;
        try {
            compressed = oldest.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while deflating");
        } catch (ExecutionException e) {
            throw new IOException("cannot deflate: " + e.getCause(), e.getCause());
        }
        pending.pop();
        out.write(compressed.bytes(), 0, compressed.length());
        compressedSize += compressed.length();
        crc = Crc32Combine.combine(crc, compressed.crc(), compressed.inputLength());
        // the block before this one had two readers, its own task and this one's (as dictionary): both are done
        if (writtenBuffer != null && writtenBuffer.length == blockSize) {
            freeBuffers.push(writtenBuffer);
        }
        writtenBuffer = oldest.data();
    }

    /** A block on its way through the executor, and the buffer holding its input. */
    private record Pending(byte[] data, Future<DeflateBlock.Compressed> result) {
    }

    private void requireFinished() {
        if (!finished) {
            throw new IllegalStateException("the deflate stream is not finished");
        }
    }
}
