package dev.rustwheel.staging.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.staging.StagingLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept repair holds while its key and the files it depends on are the same. */
class RepairCacheTest {

    @TempDir
    Path dir;

    private RepairCache cache;
    private Path library;
    private RepairCache.Kept kept;

    @BeforeEach
    void keepOneRepair() throws Exception {
        StagingLayout layout = StagingLayout.under(dir.resolve("target"));
        cache = new RepairCache(layout);
        library = Files.writeString(dir.resolve("libfoo.so.1"), "library");
        // old enough that a later write within the same clock tick cannot go unnoticed
        Files.setLastModifiedTime(library, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        kept = new RepairCache.Kept(FullManifest.sample(), List.of(new RepairCache.LogLine(false, "Tagged \"x\""),
                new RepairCache.LogLine(true, "ünïcode warning\nsecond line")));
        cache.keep("key-1", List.of(library), kept);
    }

    @Test
    void theSameKeyGetsTheWholeOutcomeBack() {
        assertEquals(Optional.of(kept), cache.read("key-1"));
    }

    @Test
    void anotherKeyOrAChangedDependencyGetsNothing() throws Exception {
        assertEquals(Optional.empty(), cache.read("key-2"));
        Files.setLastModifiedTime(library, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        assertEquals(Optional.empty(), cache.read("key-1"));
    }

    @Test
    void aDependencyWhoseIdentityCannotBeToldKeepsNothing() throws Exception {
        Files.writeString(library, "just written"); // too recent to tell a later write apart
        cache.keep("key-1", List.of(library), kept);
        assertEquals(Optional.empty(), cache.read("key-1"));
    }

    @Test
    void aDamagedOrForeignEntryIsIgnored() throws Exception {
        Path file = dir.resolve("target/rustwheel/cache/repair.json");
        String valid = Files.readString(file, UTF_8);
        assertTrue(valid.contains("\"key\" : \"key-1\""), valid);
        for (String damaged : List.of(valid.substring(0, valid.length() / 2), "", "null", "[]",
                valid.replace("\"warning\" : true", "\"warning\" : \"yes\""),
                valid.replace("\"kept\" : {", "\"kept\" : { \"extra\" : 1,"))) {
            Files.writeString(file, damaged, UTF_8);
            assertEquals(Optional.empty(), cache.read("key-1"), damaged);
        }
    }
}
