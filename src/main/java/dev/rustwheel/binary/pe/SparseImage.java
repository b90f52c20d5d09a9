package dev.rustwheel.binary.pe;

import dev.rustwheel.overlay.Overlay;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A PE image being edited without being held whole: the edited bytes kept by offset over the file on disk, read
 * back where a field is updated, and the checksum streamed through the file with the edits applied. The edits of
 * a rename are a few hundred bytes, whatever the image's size.
 */
final class SparseImage implements AutoCloseable {

    private static final int STREAM_BUFFER = 1 << 20;

    private final FileChannel file;
    private final long size;
    private final NavigableMap<Long, Byte> edits = new TreeMap<>();

    SparseImage(Path path) throws IOException {
        this.file = FileChannel.open(path, StandardOpenOption.READ);
        this.size = file.size();
    }

    void put(long offset, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            edits.put(offset + i, bytes[i]);
        }
    }

    void putShort(long offset, short value) {
        put(offset, ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(value).array());
    }

    void putInt(long offset, int value) {
        put(offset, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    void putLong(long offset, long value) {
        put(offset, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
    }

    /** The little-endian int at {@code offset}, edits included. */
    int getInt(long offset) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("unexpected end of the image at offset " + (offset + buffer.position()));
            }
        }
        for (int i = 0; i < 4; i++) {
            Byte edited = edits.get(offset + i);
            if (edited != null) {
                buffer.put(i, edited);
            }
        }
        return buffer.getInt(0);
    }

    /** The checksum of the edited image followed by {@code appended}, one streaming pass over the file. */
    long checksum(long checksumOffset, byte[] appended) throws IOException {
        PeChecksum checksum = new PeChecksum(checksumOffset);
        ByteBuffer buffer = ByteBuffer.allocate(STREAM_BUFFER);
        for (long position = 0; position < size; ) {
            buffer.clear();
            int n = file.read(buffer, position);
            if (n <= 0) {
                throw new IOException("the image shrank while it was read, at offset " + position);
            }
            byte[] chunk = buffer.array();
            for (Map.Entry<Long, Byte> edit : edits.subMap(position, true, position + n, false).entrySet()) {
                chunk[(int) (edit.getKey() - position)] = edit.getValue();
            }
            checksum.update(chunk, 0, n);
            position += n;
        }
        checksum.update(appended, 0, appended.length);
        return checksum.value();
    }

    /** The edits as an overlay: one overwrite per run of edited bytes, then {@code appended}. */
    Overlay overlay(byte[] appended) {
        List<Overlay.Overwrite> overwrites = new ArrayList<>();
        long start = -1;
        long next = -1;
        List<Byte> run = new ArrayList<>();
        for (Map.Entry<Long, Byte> edit : edits.entrySet()) {
            if (edit.getKey() != next && !run.isEmpty()) {
                overwrites.add(new Overlay.Overwrite(start, bytes(run)));
                run.clear();
            }
            if (run.isEmpty()) {
                start = edit.getKey();
            }
            run.add(edit.getValue());
            next = edit.getKey() + 1;
        }
        if (!run.isEmpty()) {
            overwrites.add(new Overlay.Overwrite(start, bytes(run)));
        }
        return Overlay.of(size, overwrites, appended);
    }

    private static byte[] bytes(List<Byte> run) {
        byte[] bytes = new byte[run.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = run.get(i);
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
