package dev.rustwheel.wheel.zip;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Deflates what is written to it on several threads and writes one raw deflate stream to {@code out}, as pigz
 * does: the input is cut into pieces of a fixed size, each compressed ({@link Piece#compress}) on the executor,
 * primed with the 32 KiB before it, and the results written in order. Since the piece size does not depend on the
 * number of threads, neither do the bytes. At most {@code maxInFlight} pieces are compressing or waiting to be
 * written at once, so memory does not depend on the entry's size; the writing thread waits for the oldest piece
 * when that many are pending. Pieces come from, and go back to, a pool shared by the wheel's entries.
 *
 * <p>Not thread-safe: one thread writes, then calls {@link #finish()}. The CRC-32 and sizes of the entry are read
 * afterwards.
 */
final class ParallelDeflateOutputStream extends OutputStream {

    /** Large enough that the per-piece overhead (a few bytes, a dictionary reset) is lost in the noise. */
    static final int DEFAULT_BLOCK_SIZE = 1 << 20;

    private final OutputStream out;
    private final ExecutorService executor;
    private final int level;
    private final PiecePool pool;
    private final int maxInFlight;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    /** The piece being filled; null once finished. */
    private Piece piece;
    private long crc;
    private long size;
    private long compressedSize;
    private boolean finished;

    /** @param maxInFlight how many pieces may wait for or undergo compression at once */
    ParallelDeflateOutputStream(OutputStream out, ExecutorService executor, int level, PiecePool pool,
                                int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one piece must be allowed in flight");
        }
        this.out = out;
        this.executor = executor;
        this.level = level;
        this.pool = pool;
        this.maxInFlight = maxInFlight;
        this.piece = pool.take();
        piece.startEntry();
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
        int capacity = pool.pieceSize();
        int done = 0;
        while (done < length) {
            if (piece.length == capacity) {
                submit(false); // only now is it known that this piece is not the last
            }
            int n = Math.min(length - done, capacity - piece.length);
            System.arraycopy(bytes, offset + done, piece.input, Piece.DATA + piece.length, n);
            piece.length += n;
            done += n;
        }
        size += length;
    }

    /** Compresses the last piece and writes everything; the stream is complete afterwards. */
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

    /**
     * Abandons pieces still pending; the underlying stream is left open, as by {@link #finish()}. Pieces a task may
     * still be using are left to the garbage collector, never given back to the pool.
     */
    @Override
    public void close() {
        for (Pending waiting : pending) {
            waiting.result().cancel(true);
        }
        pending.clear();
        if (piece != null) {
            pool.give(piece);
            piece = null;
        }
    }

    private void submit(boolean last) throws IOException {
        Piece full = piece;
        pending.add(new Pending(full, executor.submit(() -> full.compress(level, last))));
        piece = null;
        if (!last) {
            piece = pool.take();
            piece.follow(full); // the compressing task only reads the full piece's input, as this does
        }
        while (pending.size() >= maxInFlight) {
            writeOldest();
        }
    }

    private void writeOldest() throws IOException {
        Pending oldest = pending.peek();
        try {
            oldest.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while deflating");
        } catch (ExecutionException e) {
            throw new IOException("cannot deflate: " + e.getCause(), e.getCause());
        }
        pending.pop();
        Piece done = oldest.piece();
        out.write(done.output, 0, done.compressedLength());
        compressedSize += done.compressedLength();
        crc = Crc32Combine.combine(crc, done.crc(), done.length);
        pool.give(done);
    }

    /** A piece on its way through the executor. */
    private record Pending(Piece piece, Future<?> result) {
    }

    private void requireFinished() {
        if (!finished) {
            throw new IllegalStateException("the deflate stream is not finished");
        }
    }
}
