package dev.rustwheel.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.cert.Certificate;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginBuildTest {

    @TempDir
    Path directory;

    @Test
    void aJarIsNamedByItsPathSizeAndModificationTime() throws IOException {
        Path jar = Files.write(directory.resolve("plugin.jar"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-02T03:04:05Z")));

        assertEquals(jar + ":3:2026-01-02T03:04:05Z", PluginBuild.id(source(jar)));
    }

    @Test
    void aRebuiltJarIsAnotherBuild() throws IOException {
        Path jar = Files.write(directory.resolve("plugin.jar"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-02T03:04:05Z")));
        String before = PluginBuild.id(source(jar));
        Files.write(jar, new byte[] {1, 2, 4});
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-02T03:04:06Z")));

        assertNotEquals(before, PluginBuild.id(source(jar)));
    }

    @Test
    void classesOutsideAJarAreNeverTheSameBuildTwice() throws IOException {
        Path classes = Files.createDirectory(directory.resolve("classes"));

        String first = PluginBuild.id(source(classes));
        assertTrue(first.startsWith("classes-of-this-jvm:"), first);
        assertNotEquals(first, PluginBuild.id(source(classes)));
        assertNotEquals(first, PluginBuild.id(null));
    }

    @Test
    void theRunningBuildKeepsOneIdentityForTheWholeJvm() {
        assertEquals(PluginBuild.id(), PluginBuild.id());
    }

    private static CodeSource source(Path path) throws IOException {
        return new CodeSource(path.toUri().toURL(), (Certificate[]) null);
    }
}
