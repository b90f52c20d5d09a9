package dev.rustwheel.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads one of a child's output streams line by line on its own thread. It drains the stream to the end even when
 * the consumer fails, since a pipe nobody reads fills up and stalls the child; the first failure is rethrown by
 * {@link #rethrowFailure()} once both streams are drained.
 */
final class StreamPump implements Runnable {

    private final InputStream stream;
    private final Consumer<String> sink;
    private final Thread thread;
    private volatile Exception failure;

    private StreamPump(InputStream stream, Consumer<String> sink, String name) {
        this.stream = stream;
        this.sink = sink;
        this.thread = new Thread(this, "rustwheel-" + name);
        this.thread.setDaemon(true);
    }

    static StreamPump start(InputStream stream, Consumer<String> sink, String name) {
        StreamPump pump = new StreamPump(stream, sink, name);
        pump.thread.start();
        return pump;
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                deliver(line);
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    private void deliver(String line) {
        if (failure != null) {
            return;
        }
        try {
            sink.accept(line);
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** Waits until the stream is drained. */
    void join() throws InterruptedException {
        thread.join();
    }

    /** Rethrows what went wrong while reading or consuming the stream, if anything did. */
    void rethrowFailure() throws IOException {
        Exception e = failure;
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
    }
}
