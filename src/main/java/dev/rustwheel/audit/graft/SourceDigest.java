package dev.rustwheel.audit.graft;

import dev.rustwheel.staging.GraftedLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a library to graft, with the size and modification time it was taken at.
 *
 * @param modified the modification time as {@link java.nio.file.attribute.FileTime#toString} spells it
 */
record SourceDigest(String sha256, long size, String modified) {

    /**
     * The digest {@code recorded} holds when {@code file} still has its size and modification time; otherwise
     * one read of the file. The size and time are taken before the read, so a file that changes during it
     * looks changed to the next build.
     */
    static SourceDigest of(Path file, GraftedLibrary recorded) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        long size = attributes.size();
        String modified = attributes.lastModifiedTime().toString();
        if (recorded != null && recorded.sourcePath().equals(file) && recorded.sourceSize() == size
                && recorded.sourceModified().equals(modified)) {
            return new SourceDigest(recorded.sha256(), size, modified);
        }
        return new SourceDigest(read(file), size, modified);
    }

    private static String read(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
