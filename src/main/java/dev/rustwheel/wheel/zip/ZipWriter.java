package dev.rustwheel.wheel.zip;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Writes a zip archive to a file in one pass, each entry's data streamed straight to the file as it is produced:
 * the local header goes first with room for the CRC-32 and sizes, which are written into it once the data is
 * through (a few bytes written back, never the data). No data descriptors, no temporary files, no second copy.
 *
 * <p>Headers are those commons-compress writes for the same entries (UTF-8 names, Unix mode in the external
 * attributes, no extra fields), so an archive is the same byte for byte whichever of the two wrote it. Zip64 is
 * used only where needed: in an entry's headers when it may reach 4 GiB (decided before its data, from the size
 * it is expected to have), in the central directory for offsets past 4 GiB, and the zip64 end records then.
 *
 * <p>Not thread-safe: one thread writes entries one after the other.
 */
final class ZipWriter implements AutoCloseable {

    static final int DEFLATED = 8;
    static final int STORED = 0;

    /** Sizes and offsets from this value on are stored in zip64 fields. */
    private static final long ZIP64_LIMIT = 0xFFFFFFFFL;
    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int END = 0x06054b50;
    private static final int UTF8_NAMES = 1 << 11;
    /** Made by a Unix system, zip 2.0 (4.5 once zip64 is used), as the external attributes carry a Unix mode. */
    private static final int MADE_BY_UNIX = 3 << 8;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final int BUFFER = 256 * 1024;

    private final FileChannel channel;
    private final LongConsumer flushed;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    /** The file position of the buffer's first byte. */
    private long bufferStart;
    private final List<Central> written = new ArrayList<>();
    private Open open;
    private boolean finished;

    /** @param channel positioned at the start of an empty file, which this writer writes from there on */
    ZipWriter(FileChannel channel) throws IOException {
        this(channel, size -> { });
    }

    /** @param flushed told the file's size each time bytes went from this writer's buffer to the file */
    ZipWriter(FileChannel channel, LongConsumer flushed) throws IOException {
        this.channel = channel;
        this.flushed = flushed;
        this.bufferStart = channel.position();
    }

    /**
     * Writes the local header of an entry; its data is written to the stream returned, then {@link #endEntry}.
     *
     * @param method       {@link #DEFLATED} or {@link #STORED}
     * @param time         the entry's date and time, as zip stores it (no time zone, two-second precision)
     * @param unixMode     file type and permission bits, as {@code stat} gives them
     * @param expectedSize the size the entry's data is expected to have uncompressed, to decide before the data
     *                     whether the headers need zip64 fields
     * @return a stream taking the entry's data, as stored (compressed for deflated entries)
     */
    OutputStream startEntry(String name, int method, LocalDateTime time, int unixMode, long expectedSize)
            throws IOException {
        if (open != null || finished) {
            throw new IllegalStateException("an entry is still open or the archive is finished");
        }
        byte[] encodedName = name.getBytes(StandardCharsets.UTF_8);
        boolean zip64 = mayReachZip64(method, expectedSize);
        long offset = position();
        int dosTime = dosTime(time);
        ByteBuffer header = little(30 + encodedName.length + (zip64 ? 20 : 0));
        header.putInt(LOCAL_HEADER).putShort((short) versionNeeded(method, zip64)).putShort((short) UTF8_NAMES)
                .putShort((short) method).putInt(dosTime);
        header.putInt(0).putInt(zip64 ? -1 : 0).putInt(zip64 ? -1 : 0); // CRC-32 and sizes, once known
        header.putShort((short) encodedName.length).putShort((short) (zip64 ? 20 : 0)).put(encodedName);
        if (zip64) {
            header.putShort((short) ZIP64_EXTRA).putShort((short) 16).putLong(0).putLong(0);
        }
        write(header.array(), 0, header.position());
        open = new Open(encodedName, method, dosTime, unixMode, offset, zip64, position());
        return new EntryData();
    }

    /** Completes the open entry: its CRC-32 and sizes go into its local header and, later, the central directory. */
    void endEntry(long crc, long size) throws IOException {
        if (open == null) {
            throw new IllegalStateException("no entry is open");
        }
        long compressedSize = position() - open.dataStart();
        if (!open.zip64() && (size >= ZIP64_LIMIT || compressedSize >= ZIP64_LIMIT)) {
            throw new IOException("the entry '" + new String(open.name(), StandardCharsets.UTF_8) + "' reached "
                    + Math.max(size, compressedSize) + " bytes, 4 GiB or more, though it was expected to be smaller:"
                    + " did the file change while the wheel was written? Build again.");
        }
        ByteBuffer fields = little(open.zip64() ? 4 : 12).putInt((int) crc);
        if (!open.zip64()) {
            fields.putInt((int) compressedSize).putInt((int) size);
        }
        long headerStart = open.offset();
        overwrite(headerStart + 14, fields.array());
        if (open.zip64()) {
            int extraStart = 30 + open.name().length + 4;
            overwrite(headerStart + extraStart, little(16).putLong(size).putLong(compressedSize).array());
        }
        written.add(new Central(open, crc, size, compressedSize));
        open = null;
    }

    /** Writes the central directory and the end records, then flushes; the channel stays open. */
    void finish() throws IOException {
        if (open != null) {
            throw new IllegalStateException("an entry is still open");
        }
        long directoryStart = position();
        boolean zip64 = written.size() >= 0xFFFF || directoryStart >= ZIP64_LIMIT;
        for (Central entry : written) {
            zip64 |= entry.writeTo(this);
        }
        long directorySize = position() - directoryStart;
        if (zip64) {
            long recordStart = position();
            ByteBuffer end = little(56 + 20);
            end.putInt(ZIP64_END).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                    .putLong(written.size()).putLong(written.size()).putLong(directorySize).putLong(directoryStart);
            end.putInt(ZIP64_LOCATOR).putInt(0).putLong(recordStart).putInt(1);
            write(end.array(), 0, end.position());
        }
        int entries = (int) Math.min(written.size(), 0xFFFF);
        ByteBuffer end = little(22);
        end.putInt(END).putShort((short) 0).putShort((short) 0).putShort((short) entries).putShort((short) entries)
                .putInt((int) Math.min(directorySize, ZIP64_LIMIT)).putInt((int) Math.min(directoryStart, ZIP64_LIMIT))
                .putShort((short) 0);
        write(end.array(), 0, end.position());
        flush();
        finished = true;
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    /**
     * Whether an entry of this expected size may need zip64 fields: deflate can grow incompressible data by a few
     * bytes per block, far less than the margin allowed here.
     */
    static boolean mayReachZip64(int method, long expectedSize) {
        long largest = method == DEFLATED ? expectedSize + expectedSize / 1024 + 1024 : expectedSize;
        return largest >= ZIP64_LIMIT;
    }

    /** MS-DOS date and time fields, seconds rounded down to even; the caller keeps the year within 1980–2107. */
    static int dosTime(LocalDateTime time) {
        return (time.getYear() - 1980) << 25 | time.getMonthValue() << 21 | time.getDayOfMonth() << 16
                | time.getHour() << 11 | time.getMinute() << 5 | time.getSecond() >> 1;
    }

    private static int versionNeeded(int method, boolean zip64) {
        return zip64 ? 45 : method == DEFLATED ? 20 : 10;
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private long position() {
        return bufferStart + buffer.position();
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.remaining()) {
            flush();
            if (length >= BUFFER) { // large blocks of compressed data go straight to the file
                writeFully(ByteBuffer.wrap(bytes, offset, length));
                bufferStart += length;
                flushed.accept(bufferStart);
                return;
            }
        }
        buffer.put(bytes, offset, length);
    }

    private void flush() throws IOException {
        buffer.flip();
        int length = buffer.remaining();
        writeFully(buffer);
        buffer.clear();
        bufferStart += length;
        flushed.accept(bufferStart);
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Writes {@code bytes} over what was written at {@code at}, in the file or still in the buffer. */
    private void overwrite(long at, byte[] bytes) throws IOException {
        int inFile = (int) Math.max(0, Math.min(bytes.length, bufferStart - at));
        ByteBuffer head = ByteBuffer.wrap(bytes, 0, inFile);
        while (head.hasRemaining()) {
            channel.write(head, at + head.position());
        }
        for (int i = inFile; i < bytes.length; i++) {
            buffer.put((int) (at + i - bufferStart), bytes[i]);
        }
    }

    /** The entry being written. */
    private record Open(byte[] name, int method, int dosTime, int unixMode, long offset, boolean zip64,
                        long dataStart) {
    }

    /** A written entry, as the central directory describes it. */
    private record Central(Open entry, long crc, long size, long compressedSize) {

        /** @return whether this entry's record needed zip64 fields */
        boolean writeTo(ZipWriter writer) throws IOException {
            boolean bigSizes = entry.zip64() || size >= ZIP64_LIMIT || compressedSize >= ZIP64_LIMIT;
            boolean bigOffset = entry.offset() >= ZIP64_LIMIT;
            int extra = bigSizes || bigOffset ? 4 + (bigSizes ? 16 : 0) + (bigOffset ? 8 : 0) : 0;
            int version = versionNeeded(entry.method(), extra > 0);
            ByteBuffer header = little(46 + entry.name().length + extra);
            header.putInt(CENTRAL_HEADER).putShort((short) (MADE_BY_UNIX | (extra > 0 ? 45 : 20)))
                    .putShort((short) version).putShort((short) UTF8_NAMES).putShort((short) entry.method())
                    .putInt(entry.dosTime()).putInt((int) crc)
                    .putInt(bigSizes ? -1 : (int) compressedSize).putInt(bigSizes ? -1 : (int) size)
                    .putShort((short) entry.name().length).putShort((short) extra).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0)
                    .putInt(entry.unixMode() << 16)
                    .putInt(bigOffset ? -1 : (int) entry.offset()).put(entry.name());
            if (extra > 0) {
                header.putShort((short) ZIP64_EXTRA).putShort((short) (extra - 4));
                if (bigSizes) {
                    header.putLong(size).putLong(compressedSize);
                }
                if (bigOffset) {
                    header.putLong(entry.offset());
                }
            }
            writer.write(header.array(), 0, header.position());
            return extra > 0;
        }
    }

    /** The open entry's data, written through the archive's buffer; closing it does not end the entry. */
    private final class EntryData extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            ZipWriter.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            ZipWriter.this.write(bytes, offset, length);
        }
    }
}
