package dev.rustwheel.binary.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Positioned reads of parts of an ELF file. Every extent comes from fields of the file itself, so each one is
 * checked against the file size before a buffer is allocated for it: a corrupt count or offset becomes an
 * {@link ElfFormatException}, never a huge allocation.
 */
public final class ElfInput {

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final ByteOrder order;
    private final AtomicLong bytesRead;

    ElfInput(Path path, FileChannel channel, long size, ByteOrder order) {
        this(path, channel, size, order, new AtomicLong());
    }

    private ElfInput(Path path, FileChannel channel, long size, ByteOrder order, AtomicLong bytesRead) {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.order = order;
        this.bytesRead = bytesRead;
    }

    ElfInput withOrder(ByteOrder newOrder) {
        return new ElfInput(path, channel, size, newOrder, bytesRead);
    }

    /** How many bytes all reads of this file (in either byte order) have fetched so far. */
    long bytesRead() {
        return bytesRead.get();
    }

    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    public ElfFormatException failure(String problem) {
        return new ElfFormatException(path, problem);
    }

    /** Reads {@code length} bytes; {@code what} names the structure for the error message. */
    public ByteBuffer read(String what, long offset, long length) throws IOException {
        return checkedRead(what, offset, length, length, 0);
    }

    /** Reads a table of {@code count} entries of {@code entrySize} bytes each. */
    public ByteBuffer readTable(String what, long offset, long count, int entrySize) throws IOException {
        long length;
        try {
            length = Math.multiplyExact(count, (long) entrySize);
        } catch (ArithmeticException e) {
            throw failure(describe(what, offset, count, entrySize) + " is larger than any file");
        }
        return checkedRead(what, offset, length, count, entrySize);
    }

    /**
     * Takes the read's parts rather than its description: a description is needed only for a failure, and an audit
     * reads dozens of structures that are fine.
     *
     * @param entrySize a table's entry size, with {@code count} its entries; 0 for a structure of {@code count} bytes
     */
    private ByteBuffer checkedRead(String what, long offset, long length, long count, int entrySize)
            throws IOException {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw failure(describe(what, offset, count, entrySize) + " ends past the end of the file ("
                    + size + " bytes)");
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw failure(describe(what, offset, count, entrySize) + " is too large to read into memory");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length).order(order);
        bytesRead.addAndGet(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw failure(describe(what, offset, count, entrySize)
                        + " could not be read: the file ended at byte "
                        + (offset + buffer.position()) + " while being read");
            }
        }
        return buffer.flip();
    }

    /** {@code what} with where it lies: its offset, and its size in bytes or, for a table, in entries. */
    private static String describe(String what, long offset, long count, int entrySize) {
        return what + " (offset 0x" + Long.toHexString(offset) + ", " + Long.toUnsignedString(count)
                + (entrySize == 0 ? " bytes)" : " entries of " + entrySize + " bytes)");
    }
}
