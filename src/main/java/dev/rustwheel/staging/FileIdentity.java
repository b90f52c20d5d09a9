package dev.rustwheel.staging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A file as the file system describes it without reading it: its device and inode (the file key), size and
 * modification time. A file that still shows the identity recorded when its digest was taken holds the bytes that
 * digest describes, as make, cargo and git judge freshness; a rename keeps all three, which is how staging moves
 * files, while a copy, a rebuild or a write changes at least one.
 *
 * @param fileKey  the file system's key of the file ({@code (dev=…,ino=…)} on Linux)
 * @param size     its size in bytes
 * @param modified its modification time as {@link java.nio.file.attribute.FileTime#toString} spells it
 */
public record FileIdentity(String fileKey, long size, String modified) {

    /**
     * How recent a modification time may be while a write within the same clock tick could still leave it
     * unchanged: coarse file system clocks (a jiffy on Linux, two seconds on FAT) stamp two writes alike.
     */
    static final Duration RACY_WINDOW = Duration.ofSeconds(2);

    /**
     * The identity of {@code file} now; empty where the file system gives no file key (Windows), or where the file
     * was modified so recently that a later write might not change its time (then its digest is checked by
     * reading it, as before).
     */
    public static Optional<FileIdentity> of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Instant modified = attributes.lastModifiedTime().toInstant();
        if (attributes.fileKey() == null || !modified.isBefore(Instant.now().minus(RACY_WINDOW))) {
            return Optional.empty();
        }
        return Optional.of(new FileIdentity(attributes.fileKey().toString(), attributes.size(),
                attributes.lastModifiedTime().toString()));
    }

    // equals and hashCode spelled out: a record's generated ones cost milliseconds on their first call in a JVM,
    // more than the package goal's whole check of an unchanged artifact
    @Override
    public boolean equals(Object other) {
        return other instanceof FileIdentity o && Objects.equals(fileKey, o.fileKey) && size == o.size
                && Objects.equals(modified, o.modified);
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(fileKey) * 31 + Long.hashCode(size)) * 31 + Objects.hashCode(modified);
    }

    /** Whether {@code file} is still this file, unwritten since. */
    public boolean matches(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.fileKey() != null && attributes.fileKey().toString().equals(fileKey)
                && attributes.size() == size && attributes.lastModifiedTime().toString().equals(modified);
    }
}
