package dev.rustwheel.wheel.zip;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends a file's written bytes to the disk on a thread of its own while the writer goes on, so that the force
 * before the wheel is renamed into place finds little left to write: writing back a few hundred MB only then
 * costs about a second of an otherwise idle wait. One force at a time; a step is skipped while one still runs.
 */
final class BackgroundSync implements AutoCloseable {

    /** How many bytes are written between two forces. */
    static final long STEP = 32L << 20;

    private final FileChannel channel;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread daemon = new Thread(task, "rustwheel-sync");
        daemon.setDaemon(true); // a failed build never waits for it
        return daemon;
    });
    private Future<?> running;
    private long requested;

    BackgroundSync(FileChannel channel) {
        this.channel = channel;
    }

    /** Told the file's size after each write; forces what is written once a step more is there. */
    void written(long size) {
        if (size - requested >= STEP && (running == null || running.isDone())) {
            requested = size;
            running = thread.submit(() -> {
                channel.force(false);
                return null;
            });
        }
    }

    /**
     * Waits for the force under way, if any. Its failure is not reported here: the caller's own force, which
     * must follow, reports the same trouble.
     */
    @Override
    public void close() throws IOException {
        try {
            if (running != null) {
                running.get();
            }
        } catch (ExecutionException e) {
            // the caller's final force fails the same way, or the wheel failed already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the wheel was written to disk");
        } finally {
            thread.shutdownNow();
        }
    }
}
