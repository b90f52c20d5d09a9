package dev.rustwheel.wheel.zip;

import dev.rustwheel.wheel.entry.WheelEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The wheel an earlier build wrote, opened to reuse the compressed bytes of entries that did not change. Trusted
 * only while the file is exactly as that build recorded it (size and modification time), and only for entries
 * whose fingerprint, path and mode are the same: the reused bytes then equal what compressing again would give.
 */
final class PreviousWheel implements AutoCloseable {

    private final ZipFile zip;
    private final Map<String, PackedEntry> recorded = new HashMap<>();

    private PreviousWheel(ZipFile zip, List<PackedEntry> entries) {
        this.zip = zip;
        for (PackedEntry entry : entries) {
            recorded.put(entry.path(), entry);
        }
    }

    /** The wheel at {@code file} if it is still the one {@code packed} describes, written with {@code settings}. */
    static Optional<PreviousWheel> open(Path file, PackedWheel packed, String settings) throws IOException {
        if (packed == null || !packed.settings().equals(settings) || !unchanged(file, packed)) {
            return Optional.empty();
        }
        return Optional.of(new PreviousWheel(ZipFile.builder().setPath(file).get(), packed.entries()));
    }

    /** Whether {@code file} has the size and modification time recorded when it was written. */
    static boolean unchanged(Path file, PackedWheel packed) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.size() == packed.size()
                && attributes.lastModifiedTime().toString().equals(packed.modified());
    }

    /** The recorded entry and its zip entry, when {@code entry} is made of the same thing as before. */
    Optional<Reusable> reusable(WheelEntry entry, String fingerprint) {
        PackedEntry before = recorded.get(entry.path());
        if (before == null || !before.fingerprint().equals(fingerprint)) {
            return Optional.empty();
        }
        ZipArchiveEntry zipEntry = zip.getEntry(entry.path());
        if (zipEntry == null || zipEntry.getUnixMode() != entry.unixMode()) {
            return Optional.empty();
        }
        return Optional.of(new Reusable(before, zipEntry));
    }

    /** The entry's bytes exactly as stored, still compressed. */
    InputStream raw(Reusable reusable) throws IOException {
        return zip.getRawInputStream(reusable.zipEntry());
    }

    record Reusable(PackedEntry recorded, ZipArchiveEntry zipEntry) {
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
