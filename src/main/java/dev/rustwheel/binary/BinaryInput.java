package dev.rustwheel.binary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bounded, positioned reads of a native binary, from a file or from bytes in memory. Every extent comes from
 * fields of the file itself, so each is checked against the file size before a buffer is allocated for it: a
 * corrupt count or offset becomes the format's own typed exception, never a huge allocation or a loop past the
 * end.
 */
public final class BinaryInput implements AutoCloseable {

    /** Makes the format's typed exception for a structural problem, naming the file. */
    @FunctionalInterface
    public interface Failure {
        IOException at(Path file, String problem);
    }

    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer memory;
    private final long size;
    private final Failure failure;

    private BinaryInput(Path path, FileChannel channel, ByteBuffer memory, long size, Failure failure) {
        this.path = path;
        this.channel = channel;
        this.memory = memory;
        this.size = size;
        this.failure = failure;
    }

    public static BinaryInput open(Path path, Failure failure) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        return new BinaryInput(path, channel, null, channel.size(), failure);
    }

    /** {@code bytes} as if they were the file {@code name}, which only names it in messages. */
    public static BinaryInput of(Path name, byte[] bytes, Failure failure) {
        return new BinaryInput(name, null, ByteBuffer.wrap(bytes).asReadOnlyBuffer(), bytes.length, failure);
    }

    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    public IOException failure(String problem) {
        return failure.at(path, problem);
    }

    /** Reads {@code length} bytes at {@code offset}; {@code what} names the structure for the error message. */
    public ByteBuffer read(String what, long offset, long length, ByteOrder order) throws IOException {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw failure(what + " (offset 0x" + Long.toHexString(offset) + ", " + length
                    + " bytes) ends past the end of the file (" + size + " bytes)");
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw failure(what + " (" + length + " bytes) is too large to read into memory");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        if (memory != null) {
            buffer.put(memory.slice((int) offset, (int) length));
        } else {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw failure(what + ": the file ended at byte " + (offset + buffer.position())
                            + " while being read");
                }
            }
        }
        return buffer.flip().order(order);
    }

    /**
     * The NUL-terminated string at {@code offset}, read at most up to {@code limit} (exclusive, clamped to the
     * file's end); a string without its terminator inside that range is malformed.
     */
    public String cString(String what, long offset, long limit) throws IOException {
        long end = Math.min(limit, size);
        if (offset < 0 || offset >= end) {
            throw failure(what + " at offset 0x" + Long.toHexString(offset) + " lies outside its table"
                    + " or the file (" + size + " bytes)");
        }
        long chunk = Math.min(end - offset, 4096);
        StringBuilder text = new StringBuilder();
        long position = offset;
        while (position < end) {
            ByteBuffer bytes = read(what, position, Math.min(chunk, end - position), ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < bytes.limit(); i++) {
                if (bytes.get(i) == 0) {
                    byte[] tail = new byte[i];
                    bytes.get(0, tail);
                    text.append(new String(tail, StandardCharsets.UTF_8));
                    return text.toString();
                }
            }
            text.append(new String(bytes.array(), 0, bytes.limit(), StandardCharsets.UTF_8));
            position += bytes.limit();
        }
        throw failure(what + " at offset 0x" + Long.toHexString(offset) + " has no terminating NUL before offset 0x"
                + Long.toHexString(end));
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
