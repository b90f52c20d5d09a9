package dev.rustwheel.wheel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a wheel archive in one pass over its entries: each entry's bytes are read once, and compressed, digested
 * and counted as they stream through, so memory use does not depend on the size of the files.
 *
 * <p>Entries are sorted by path, the {@code .dist-info} files come after the payload and {@code RECORD} is last,
 * as the binary distribution format recommends so that installers can stream the archive. With a fixed mtime and
 * the same inputs, the archive is the same byte for byte, whatever the time zone of the machine.
 */
public final class WheelWriter {

    /** The earliest time a zip entry can carry; a reproducible default for builds that set no date. */
    public static final FileTime ZIP_EPOCH = FileTime.from(Instant.parse("1980-01-01T00:00:00Z"));

    private static final String RECORD = "RECORD";
    private static final LocalDateTime LAST_ZIP_TIME = LocalDateTime.of(2107, 12, 31, 23, 59, 58);
    /** Daemon threads, so that a build that fails elsewhere never waits for them to exit. */
    private static final ThreadFactory DEFLATE_THREADS = task -> {
        Thread thread = new Thread(task, "rustwheel-deflate");
        thread.setDaemon(true);
        return thread;
    };

    private final LocalDateTime mtime;
    private final Compression compression;
    private final int threads;
    private final Consumer<String> afterEntry;

    /** A writer that deflates at the default level on every available processor. */
    public WheelWriter(FileTime mtime) {
        this(mtime, Compression.DEFAULT);
    }

    public WheelWriter(FileTime mtime, Compression compression) {
        this(mtime, compression, Runtime.getRuntime().availableProcessors(), path -> { });
    }

    /**
     * @param mtime      the modification time of every entry; zip stores it without a time zone, at two-second
     *                   precision, so it is stored as the UTC date and time, seconds rounded down to even
     * @param threads    how many threads deflate large entries, block by block; the archive's bytes are the same
     *                   for any number
     * @param afterEntry told the path of each entry once it is written (RECORD excepted)
     */
    public WheelWriter(FileTime mtime, Compression compression, int threads, Consumer<String> afterEntry) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.compression = compression;
        this.threads = threads;
        this.afterEntry = afterEntry;
        this.mtime = LocalDateTime.ofInstant(mtime.toInstant(), ZoneOffset.UTC);
        if (this.mtime.isBefore(LocalDateTime.ofInstant(ZIP_EPOCH.toInstant(), ZoneOffset.UTC))
                || this.mtime.isAfter(LAST_ZIP_TIME)) {
            throw new IllegalArgumentException("zip entries can only carry times from 1980 to 2107, not " + mtime);
        }
    }

    /**
     * Writes the wheel to {@code wheelFile}, creating its directory if needed, through a temporary file in that
     * directory that is renamed onto it at the end, so that an interrupted build never leaves a partial wheel under
     * the wheel's name (a build killed outright may leave a hidden {@code .part} file beside it).
     *
     * @param distInfoDirectory the {@code .dist-info} directory name, see {@link WheelName#distInfoDirectory}
     * @param payload           the files installed from the wheel; none inside {@code distInfoDirectory}
     * @param distInfoFiles     the metadata files ({@code METADATA}, {@code WHEEL}, …) with paths relative to
     *                          {@code distInfoDirectory}; {@code RECORD} is written by this method
     * @return the RECORD rows of every entry but {@code RECORD}, in archive order
     */
    public List<RecordRow> write(Path wheelFile, String distInfoDirectory, List<WheelEntry> payload,
                                 List<WheelEntry> distInfoFiles) throws IOException {
        List<WheelEntry> entries = archiveOrder(distInfoDirectory, payload, distInfoFiles);
        String recordPath = distInfoDirectory + "/" + RECORD;
        Files.createDirectories(wheelFile.toAbsolutePath().getParent());
        Path temporary = wheelFile.resolveSibling("." + wheelFile.getFileName() + "." + UUID.randomUUID() + ".part");
        ExecutorService executor = Executors.newFixedThreadPool(threads, DEFLATE_THREADS);
        try {
            EntryDeflater deflater = new EntryDeflater(executor, threads, compression.level(),
                    ParallelDeflateOutputStream.DEFAULT_BLOCK_SIZE, temporary.toAbsolutePath().getParent());
            List<RecordRow> rows = new ArrayList<>();
            try (FileChannel channel = FileChannel.open(temporary,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 ZipArchiveOutputStream zip = new ZipArchiveOutputStream(channel)) {
                // zip64 records only where an entry or the archive passes 4 GiB; the channel is seekable, so
                // sizes are patched into each local header afterwards and nothing is buffered in memory
                zip.setUseZip64(Zip64Mode.AsNeeded);
                zip.setLevel(compression.level());
                for (WheelEntry entry : entries) {
                    rows.add(writeEntry(zip, entry, deflater));
                    afterEntry.accept(entry.path());
                }
                byte[] record = RecordFile.render(rows, recordPath).getBytes(StandardCharsets.UTF_8);
                writeEntry(zip, new WheelEntry(recordPath, EntryContent.ofBytes(record), false), deflater);
                zip.finish();
                channel.force(true);
            }
            Files.move(temporary, wheelFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return List.copyOf(rows);
        } finally {
            executor.shutdownNow();
            Files.deleteIfExists(temporary);
        }
    }

    private static List<WheelEntry> archiveOrder(String distInfoDirectory, List<WheelEntry> payload,
                                                 List<WheelEntry> distInfoFiles) {
        if (!distInfoDirectory.endsWith(".dist-info") || distInfoDirectory.contains("/")) {
            throw new IllegalArgumentException("'" + distInfoDirectory + "' is not a .dist-info directory name");
        }
        Comparator<WheelEntry> byPath = Comparator.comparing(WheelEntry::path);
        List<WheelEntry> ordered = new ArrayList<>(payload);
        ordered.sort(byPath);
        for (WheelEntry entry : ordered) {
            if (entry.path().startsWith(distInfoDirectory + "/")) {
                throw new IllegalArgumentException("payload entry '" + entry.path()
                        + "' is inside the .dist-info directory; pass it as a dist-info file");
            }
        }
        List<WheelEntry> metadata = new ArrayList<>();
        for (WheelEntry file : distInfoFiles) {
            if (file.path().equals(RECORD)) {
                throw new IllegalArgumentException("RECORD is written by the wheel writer, not passed to it");
            }
            metadata.add(new WheelEntry(distInfoDirectory + "/" + file.path(), file.content(), file.executable()));
        }
        metadata.sort(byPath);
        ordered.addAll(metadata);
        Set<String> seen = new HashSet<>();
        for (WheelEntry entry : ordered) {
            if (!seen.add(entry.path())) {
                throw new IllegalArgumentException("two wheel entries have the path '" + entry.path() + "'");
            }
        }
        return ordered;
    }

    private RecordRow writeEntry(ZipArchiveOutputStream zip, WheelEntry entry, EntryDeflater deflater)
            throws IOException {
        ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.path());
        zipEntry.setMethod(compression.zipMethod());
        zipEntry.setTime(zipTime());
        zipEntry.setUnixMode(entry.unixMode());
        if (!compression.deflated()) {
            zip.putArchiveEntry(zipEntry);
            DigestingOutputStream out = new DigestingOutputStream(zip);
            entry.content().writeTo(out);
            zip.closeArchiveEntry();
            return out.recordRow(entry.path());
        }
        // deflated by our block-parallel deflater; commons-compress writes the header and copies the raw stream
        try (EntryDeflater.Deflated deflated = deflater.deflate(entry); InputStream raw = deflated.raw()) {
            zipEntry.setCrc(deflated.crc());
            zipEntry.setSize(deflated.size());
            zipEntry.setCompressedSize(deflated.compressedSize());
            zip.addRawArchiveEntry(zipEntry, raw);
            return deflated.row();
        }
    }

    /**
     * commons-compress turns a Java time into the zip date and time fields in the default time zone; handing it
     * the instant at which that zone's clock shows {@link #mtime} makes the fields show the UTC date and time.
     * The one exception: a UTC time that the local clock skips (a daylight-saving gap) comes out moved forward by
     * the gap, because commons-compress offers no way to set the fields without going through the local zone.
     */
    private long zipTime() {
        return mtime.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }
}
