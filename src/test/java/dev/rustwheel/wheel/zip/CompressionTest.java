package dev.rustwheel.wheel.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressionTest {

    @TempDir
    Path dir;

    @Test
    void parsesMethodAndLevel() {
        assertEquals(new Compression(true, 9), Compression.of("deflated", 9));
        assertEquals(Compression.DEFAULT, Compression.of(null, null));
        assertFalse(Compression.of("STORED", null).deflated());
        assertThrows(IllegalArgumentException.class, () -> Compression.of("zstd", null));
        assertThrows(IllegalArgumentException.class, () -> Compression.of("deflated", 10));
        assertThrows(IllegalArgumentException.class, () -> Compression.of("stored", 5));
    }

    @Test
    void storedEntriesAreStoredAndDeflatedOnesDeflated() throws Exception {
        byte[] text = "a".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        List<WheelEntry> payload = List.of(new WheelEntry("m/a.txt", EntryContent.ofBytes(text), false));
        Path stored = dir.resolve("s.whl");
        Path deflated = dir.resolve("d.whl");
        new WheelWriter(WheelWriter.ZIP_EPOCH, Compression.of("stored", null)).write(stored, "m-1.dist-info", payload, List.of());
        new WheelWriter(FileTime.from(WheelWriter.ZIP_EPOCH.toInstant()), Compression.of("deflated", 9))
                .write(deflated, "m-1.dist-info", payload, List.of());
        try (ZipFile s = new ZipFile(stored.toFile()); ZipFile d = new ZipFile(deflated.toFile())) {
            assertEquals(ZipEntry.STORED, s.getEntry("m/a.txt").getMethod());
            assertEquals(ZipEntry.DEFLATED, d.getEntry("m/a.txt").getMethod());
            assertEquals(10_000, s.getInputStream(s.getEntry("m/a.txt")).readAllBytes().length);
        }
        assertTrue(Files.size(deflated) < Files.size(stored));
    }
}
