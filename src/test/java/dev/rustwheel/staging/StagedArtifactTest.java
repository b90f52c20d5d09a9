package dev.rustwheel.staging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A digest recorded by an earlier build is kept only for the very file it was taken from, unwritten since. */
class StagedArtifactTest {

    private static final String DIGEST = "7cd037a1700deb582a43f3ee741e0a0513b077b8d45c50a5b79b81dfd2b30bc3";

    @TempDir
    Path dir;

    private Path library;
    private StagedArtifact compiled;
    private StagedArtifact packaged;

    @BeforeEach
    void recordAnEarlierBuild() throws Exception {
        library = Files.write(dir.resolve("libfp.so"), new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(library, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        compiled = new StagedArtifact(ArtifactKind.CDYLIB, "fp", library, dir.resolve("staging/libfp.so"), 4, null,
                true, ArtifactState.COMPILED);
        packaged = compiled.movedTo(ArtifactState.STAGING).movedTo(ArtifactState.RENAMED)
                .withSha256(DIGEST, FileIdentity.of(library).orElseThrow());
    }

    @Test
    void keepsTheDigestOfTheSameFileUnwrittenSince() throws Exception {
        StagedArtifact kept = compiled.withDigestOf(List.of(packaged));

        assertEquals(DIGEST, kept.sha256());
        assertEquals(packaged.digested(), kept.digested());
        assertEquals(ArtifactState.COMPILED, kept.state());
    }

    @Test
    void dropsTheDigestOfAFileWrittenSince() throws Exception {
        Files.write(library, new byte[] {4, 3, 2, 1});
        Files.setLastModifiedTime(library, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));

        assertEquals(compiled, compiled.withDigestOf(List.of(packaged)));
    }

    @Test
    void dropsTheDigestOfAnotherFileOrNone() throws Exception {
        StagedArtifact other = new StagedArtifact(ArtifactKind.CDYLIB, "fp", dir.resolve("other.so"),
                dir.resolve("staging/other.so"), 4, DIGEST, true, ArtifactState.RESTORED, null, packaged.digested());

        assertNull(compiled.withDigestOf(List.of(other)).sha256());
        assertNull(compiled.withDigestOf(List.of(packaged.withSha256(DIGEST, null))).sha256());
        assertEquals(compiled, compiled.withDigestOf(List.of()));
    }
}
