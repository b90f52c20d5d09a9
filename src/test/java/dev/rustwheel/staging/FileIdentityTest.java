package dev.rustwheel.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's identity stands for its bytes only while nothing could have written it unnoticed. */
class FileIdentityTest {

    private static final FileTime BUILT = FileTime.fromMillis(1_700_000_000_000L);

    @TempDir
    Path tempDir;

    private Path file;
    private FileIdentity identity;

    @BeforeEach
    void setUp() throws Exception {
        file = Fixtures.write(tempDir.resolve("libdemo.so"), new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(file, BUILT);
        Optional<FileIdentity> taken = FileIdentity.of(file);
        Assumptions.assumeTrue(taken.isPresent(), "this file system gives files no key");
        identity = taken.get();
    }

    @Test
    void theSameFile_matches() throws Exception {
        assertTrue(identity.matches(file));
        assertEquals(identity, FileIdentity.of(file).orElseThrow());
    }

    @Test
    void aRenamedFile_isStillTheSame() throws Exception {
        Path staged = Files.move(file, tempDir.resolve("staged.so"), StandardCopyOption.ATOMIC_MOVE);

        assertTrue(identity.matches(staged), "staging renames files, so their identity must survive it");
    }

    @Test
    void aRewriteOfTheSameSize_doesNotMatch() throws Exception {
        Files.write(file, new byte[] {9, 9, 9, 9});

        assertFalse(identity.matches(file));
    }

    @Test
    void aWriteThatKeepsTheTime_butNotTheSize_doesNotMatch() throws Exception {
        Files.write(file, new byte[] {1, 2, 3, 4, 5});
        Files.setLastModifiedTime(file, BUILT);

        assertFalse(identity.matches(file));
    }

    @Test
    void aCopyWithTheSameSizeAndTime_isAnotherFile() throws Exception {
        Path copy = Files.copy(file, tempDir.resolve("copy.so"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.delete(file);
        Files.move(copy, file);

        assertEquals(BUILT, Files.getLastModifiedTime(file));
        assertFalse(identity.matches(file), "a copy has its own inode, whatever its time says");
    }

    @Test
    void aFileModifiedJustNow_hasNoIdentity() throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now()));

        assertEquals(Optional.empty(), FileIdentity.of(file), "a write in the same clock tick could keep its time");
    }

    @Test
    void aFileModifiedInTheFuture_hasNoIdentity() throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(3600)));

        assertEquals(Optional.empty(), FileIdentity.of(file));
    }
}
