package dev.rustwheel.wheel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.UUID;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a source distribution ({@code <name>-<version>.tar.gz}, PEP 625) with reproducible bytes: the entries in
 * the order given, files only, each with the same time stamp, owner 0:0 without names, mode 644 (755 where the
 * source is executable), and a gzip header without file name or time, so the same inputs give the same archive.
 */
public final class SdistArchive {

    /** One file of the archive: its path below the top directory, its bytes, whether it is executable. */
    public record Entry(String path, byte[] bytes, boolean executable) {
    }

    private final FileTime mtime;

    public SdistArchive(FileTime mtime) {
        this.mtime = mtime;
    }

    /**
     * Writes {@code entries} under the directory {@code topDirectory} ({@code <name>-<version>}) into {@code file},
     * through a temporary file renamed onto it at the end.
     */
    public void write(Path file, String topDirectory, List<Entry> entries) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
        GzipParameters gzip = new GzipParameters();
        gzip.setCompressionLevel(Deflater.BEST_COMPRESSION);
        gzip.setModificationTime(0);
        gzip.setOperatingSystem(255); // unknown: the same bytes wherever the build runs
        try {
            try (OutputStream out = Files.newOutputStream(temporary);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out, gzip),
                         "UTF-8")) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (Entry entry : entries) {
                    TarArchiveEntry header = new TarArchiveEntry(topDirectory + "/" + entry.path(), true);
                    header.setSize(entry.bytes().length);
                    header.setMode(entry.executable() ? 0755 : 0644); // permission bits only, as maturin writes them
                    header.setModTime(mtime);
                    header.setIds(0, 0);
                    header.setNames("", "");
                    tar.putArchiveEntry(header);
                    tar.write(entry.bytes());
                    tar.closeArchiveEntry();
                }
                tar.finish();
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
