package dev.rustwheel.audit.graft;

import dev.rustwheel.staging.GraftedLibrary;
import dev.rustwheel.staging.store.FileDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

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
        return new SourceDigest(FileDigest.sha256Hex(file), size, modified);
    }
}
