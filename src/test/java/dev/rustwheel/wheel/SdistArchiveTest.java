package dev.rustwheel.wheel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdistArchiveTest {

    @TempDir
    Path dir;

    private static final List<SdistArchive.Entry> ENTRIES = List.of(
            new SdistArchive.Entry("PKG-INFO", "Metadata-Version: 2.4\n".getBytes(StandardCharsets.UTF_8), false),
            new SdistArchive.Entry("src/" + "long/".repeat(30) + "lib.rs", new byte[3000], false),
            new SdistArchive.Entry("scripts/run.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), true));

    @Test
    void writesTheSameBytesEveryTimeWithFixedHeaders() throws Exception {
        FileTime time = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));
        Path first = dir.resolve("a/demo-1.0.tar.gz");
        Path second = dir.resolve("b/demo-1.0.tar.gz");
        new SdistArchive(time).write(first, "demo-1.0", ENTRIES);
        new SdistArchive(time).write(second, "demo-1.0", ENTRIES);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));

        byte[] gzip = Files.readAllBytes(first);
        assertEquals(0, gzip[4] | gzip[5] | gzip[6] | gzip[7], "the gzip header carries no time");
        assertEquals((byte) 255, gzip[9], "the gzip header names no operating system");

        List<String> seen = new ArrayList<>();
        try (InputStream in = Files.newInputStream(first);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                seen.add(e.getName() + " " + Integer.toOctalString(e.getMode()) + " " + e.getLongUserId() + ":"
                        + e.getLongGroupId() + " '" + e.getUserName() + "' " + e.getModTime().toInstant() + " "
                        + tar.readAllBytes().length);
            }
        }
        assertEquals(List.of("demo-1.0/PKG-INFO 644 0:0 '' 2026-01-02T03:04:05Z 22",
                "demo-1.0/src/" + "long/".repeat(30) + "lib.rs 644 0:0 '' 2026-01-02T03:04:05Z 3000",
                "demo-1.0/scripts/run.sh 755 0:0 '' 2026-01-02T03:04:05Z 10"), seen);
    }
}
