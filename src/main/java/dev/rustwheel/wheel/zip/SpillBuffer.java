package dev.rustwheel.wheel.zip;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Holds one entry's compressed bytes until its CRC-32 and sizes are known, because a zip local header carries
 * them before the data: in memory up to a threshold, beyond it in a temporary file in a given directory (the
 * wheel's, so it lands on the same disk), so that memory never depends on the entry's size. Closing it deletes
 * the file.
 */
final class SpillBuffer extends OutputStream {

    /** Compressed small entries, the vast majority, never touch the disk. */
    static final int DEFAULT_THRESHOLD = 4 << 20;

    private final Path directory;
    private final int threshold;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileOut;
    private long size;

    SpillBuffer(Path directory, int threshold) {
        this.directory = directory;
        this.threshold = threshold;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (fileOut == null && memory.size() + (long) length > threshold) {
            file = Files.createTempFile(directory, ".rustwheel-", ".deflate");
            fileOut = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            memory.writeTo(fileOut);
            memory = null;
        }
        if (fileOut != null) {
            fileOut.write(bytes, offset, length);
        } else {
            memory.write(bytes, offset, length);
        }
        size += length;
    }

    long size() {
        return size;
    }

    /** Whether the bytes went to a temporary file. */
    boolean spilled() {
        return file != null;
    }

    /** The bytes written so far, from the start; write nothing more afterwards. */
    InputStream read() throws IOException {
        if (fileOut == null) {
            return new ByteArrayInputStream(memory.toByteArray());
        }
        fileOut.flush();
        return Files.newInputStream(file);
    }

    @Override
    public void close() throws IOException {
        if (fileOut != null) {
            try {
                fileOut.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
