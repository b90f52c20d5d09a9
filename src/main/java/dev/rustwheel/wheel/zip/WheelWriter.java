package dev.rustwheel.wheel.zip;

import dev.rustwheel.wheel.RecordFile;
import dev.rustwheel.wheel.RecordRow;
import dev.rustwheel.wheel.WheelName;
import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

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
    public static final FileTime ZIP_EPOCH = FileTime.from(Instant.ofEpochSecond(315_532_800)); // 1980-01-01T00:00Z

    private static final String RECORD = "RECORD";
    private static final LocalDateTime LAST_ZIP_TIME = LocalDateTime.of(2107, 12, 31, 23, 59, 58);
    private static final ThreadFactory DEFLATE_THREADS = new DeflateThreads();
    private static final Comparator<WheelEntry> BY_PATH = new ByPath();

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
        return update(wheelFile, distInfoDirectory, payload, distInfoFiles, null).wheel().rows();
    }

    /**
     * Writes the wheel as {@link #write} does, doing only the work that changed since {@code previous} was written:
     * when every entry is made of the same thing as then and the wheel file is as that build left it, the file is
     * not touched at all; otherwise entries made of the same thing are copied still compressed from the previous
     * wheel and only the others are read and compressed. Either way the file's bytes are those a cold
     * {@link #write} gives.
     *
     * @param previous what an earlier call returned for this wheel file, or null to write it from scratch
     */
    public WheelUpdate update(Path wheelFile, String distInfoDirectory, List<WheelEntry> payload,
                              List<WheelEntry> distInfoFiles, PackedWheel previous) throws IOException {
        List<WheelEntry> entries = archiveOrder(distInfoDirectory, payload, distInfoFiles);
        List<String> fingerprints = fingerprints(entries);
        String settings = settings();
        if (upToDate(wheelFile, entries, fingerprints, previous)) {
            return new WheelUpdate(previous, entries.size(), true);
        }
        String recordPath = distInfoDirectory + "/" + RECORD;
        Files.createDirectories(wheelFile.toAbsolutePath().getParent());
        Path temporary = wheelFile.resolveSibling("." + wheelFile.getFileName() + "." + UUID.randomUUID() + ".part");
        ExecutorService executor = Executors.newFixedThreadPool(threads, DEFLATE_THREADS);
        Optional<PreviousWheel> reusable = PreviousWheel.open(wheelFile, previous, settings);
        try {
            EntryDeflater deflater = new EntryDeflater(executor, threads, compression,
                    ParallelDeflateOutputStream.DEFAULT_BLOCK_SIZE);
            List<PackedEntry> packed = new ArrayList<>();
            int reused = 0;
            try (FileChannel channel = FileChannel.open(temporary,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 BackgroundSync sync = new BackgroundSync(channel);
                 ZipWriter zip = new ZipWriter(channel, sync::written)) {
                for (int i = 0; i < entries.size(); i++) {
                    WheelEntry entry = entries.get(i);
                    String fingerprint = fingerprints.get(i);
                    Optional<PreviousWheel.Reusable> same = reusable.flatMap(p -> p.reusable(entry, fingerprint));
                    if (same.isPresent()) {
                        copyEntry(zip, entry, reusable.get(), same.get());
                        packed.add(same.get().recorded());
                        reused++;
                    } else {
                        RecordRow row = writeEntry(zip, entry, deflater);
                        packed.add(new PackedEntry(entry.path(), fingerprint, row.sha256(), row.size()));
                    }
                    afterEntry.accept(entry.path());
                }
                List<RecordRow> rows = packed.stream().map(PackedEntry::row).toList();
                byte[] record = RecordFile.render(rows, recordPath).getBytes(StandardCharsets.UTF_8);
                writeEntry(zip, new WheelEntry(recordPath, EntryContent.ofBytes(record), false), deflater);
                zip.finish();
                sync.close();
                channel.force(true);
            }
            Files.move(temporary, wheelFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            BasicFileAttributes written = Files.readAttributes(wheelFile, BasicFileAttributes.class);
            return new WheelUpdate(new PackedWheel(written.size(), written.lastModifiedTime().toString(), settings,
                    packed), reused, false);
        } finally {
            executor.shutdownNow();
            if (reusable.isPresent()) {
                reusable.get().close();
            }
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Whether {@link #update} would leave {@code wheelFile} as it is, asked before anything that only a wheel
     * written again needs (checks of the files going into it, say).
     */
    public boolean upToDate(Path wheelFile, String distInfoDirectory, List<WheelEntry> payload,
                            List<WheelEntry> distInfoFiles, PackedWheel previous) throws IOException {
        List<WheelEntry> entries = archiveOrder(distInfoDirectory, payload, distInfoFiles);
        return upToDate(wheelFile, entries, fingerprints(entries), previous);
    }

    private boolean upToDate(Path wheelFile, List<WheelEntry> entries, List<String> fingerprints,
                             PackedWheel previous) throws IOException {
        return previous != null && previous.settings().equals(settings()) && sameEntries(previous, entries,
                fingerprints) && PreviousWheel.unchanged(wheelFile, previous);
    }

    private static List<String> fingerprints(List<WheelEntry> entries) throws IOException {
        List<String> fingerprints = new ArrayList<>();
        for (WheelEntry entry : entries) {
            // the mode is part of what an entry is made of: it is stored in the entry's headers
            fingerprints.add(Integer.toOctalString(entry.unixMode()) + ":" + entry.content().fingerprint());
        }
        return fingerprints;
    }

    /** What besides the entries decides the archive's bytes; a previous wheel written otherwise is not reused. */
    private String settings() {
        return (compression.deflated() ? "deflated:" + compression.level() + ":blocks-of-"
                + ParallelDeflateOutputStream.DEFAULT_BLOCK_SIZE : "stored") + ":time-" + mtime;
    }

    private static boolean sameEntries(PackedWheel previous, List<WheelEntry> entries, List<String> fingerprints) {
        if (previous.entries().size() != entries.size()) {
            return false;
        }
        for (int i = 0; i < entries.size(); i++) {
            PackedEntry before = previous.entries().get(i);
            if (!before.path().equals(entries.get(i).path()) || !before.fingerprint().equals(fingerprints.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<WheelEntry> archiveOrder(String distInfoDirectory, List<WheelEntry> payload,
                                                 List<WheelEntry> distInfoFiles) {
        if (!distInfoDirectory.endsWith(".dist-info") || distInfoDirectory.contains("/")) {
            throw new IllegalArgumentException("'" + distInfoDirectory + "' is not a .dist-info directory name");
        }
        List<WheelEntry> ordered = new ArrayList<>(payload);
        ordered.sort(BY_PATH);
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
        metadata.sort(BY_PATH);
        ordered.addAll(metadata);
        Set<String> seen = new HashSet<>();
        for (WheelEntry entry : ordered) {
            if (!seen.add(entry.path())) {
                throw new IllegalArgumentException("two wheel entries have the path '" + entry.path() + "'");
            }
        }
        return ordered;
    }

    /** Streams the entry's bytes, compressed as they are read, straight into the archive. */
    private RecordRow writeEntry(ZipWriter zip, WheelEntry entry, EntryDeflater deflater) throws IOException {
        OutputStream data = zip.startEntry(entry.path(), compression.zipMethod(), mtime, entry.unixMode(),
                entry.content().size());
        EntryDeflater.Written written = deflater.deflate(entry, data);
        zip.endEntry(written.crc(), written.size());
        return written.row();
    }

    /** Copies the entry's compressed bytes from the previous wheel: its headers are those a cold write gives. */
    private void copyEntry(ZipWriter zip, WheelEntry entry, PreviousWheel previous, PreviousWheel.Reusable reusable)
            throws IOException {
        ZipArchiveEntry before = reusable.zipEntry();
        OutputStream data = zip.startEntry(entry.path(), compression.zipMethod(), mtime, entry.unixMode(),
                before.getSize());
        try (InputStream raw = previous.raw(reusable)) {
            raw.transferTo(data);
        }
        zip.endEntry(before.getCrc(), before.getSize());
    }

    /*
     * Named classes rather than lambdas: package builds a writer on every build, even one that leaves the wheel as
     * it was, and each lambda costs a cold JVM a class spun at its first use.
     */

    /** Daemon threads, so that a build that fails elsewhere never waits for them to exit. */
    private static final class DeflateThreads implements ThreadFactory {
        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "rustwheel-deflate");
            thread.setDaemon(true);
            return thread;
        }
    }

    /** Archive order: by path, in {@link String} order. */
    private static final class ByPath implements Comparator<WheelEntry> {
        @Override
        public int compare(WheelEntry a, WheelEntry b) {
            return a.path().compareTo(b.path());
        }
    }
}
