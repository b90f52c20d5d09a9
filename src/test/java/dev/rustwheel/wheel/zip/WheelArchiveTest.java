package dev.rustwheel.wheel.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.wheel.InvalidWheelException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WheelArchiveTest {

    @TempDir
    Path dir;

    /** A wheel deployed to a Maven repository is named after the artifact and its snapshot stamp, not PEP 427. */
    @Test
    void recoversTheNameFromDistInfoNotFromTheFileName() throws Exception {
        Path wheel = zip("ffi-1.0.0-20261130.090658-1.whl", Map.of(
                "ffi_demo/__init__.py", "",
                "ffi_demo-1.0.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: ffi-demo\nVersion: 1.0.0\n"
                        + "Provides-Extra: test\nProvides-Extra: docs\n\nName: not-a-header\n",
                "ffi_demo-1.0.0.dist-info/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\n"
                        + "Tag: cp311-cp311-manylinux_2_17_x86_64\nTag: cp311-cp311-manylinux2014_x86_64\n"));

        WheelArchive archive = WheelArchive.read(wheel);

        assertEquals("ffi_demo-1.0.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", archive.fileName());
        assertEquals("ffi-demo", archive.distribution().value());
        assertEquals(Set.of("test", "docs"), archive.extras());
    }

    @Test
    void keepsTheBuildTagAndCompressesEachComponent() throws Exception {
        Path wheel = zip("anything.whl", Map.of(
                "Fast.Parse-2.0rc1.dist-info/METADATA", "Name: Fast.Parse\nVersion: 2.0rc1\n",
                "Fast.Parse-2.0rc1.dist-info/WHEEL", "Build: 7\nTag: py2-none-any\nTag: py3-none-any\n"));

        WheelArchive archive = WheelArchive.read(wheel);

        assertEquals(Optional.of("7"), archive.build());
        assertEquals("fast_parse-2.0rc1-7-py2.py3-none-any.whl", archive.fileName());
    }

    @Test
    void headerNamesAreCaseInsensitive() throws Exception {
        Path wheel = zip("x.whl", Map.of(
                "a-1.dist-info/METADATA", "name: a\nversion: 1\n",
                "a-1.dist-info/WHEEL", "tag: cp37-abi3-linux_x86_64\r\n"));
        assertEquals("a-1-cp37-abi3-linux_x86_64.whl", WheelArchive.read(wheel).fileName());
    }

    @Test
    void rejectsAFileWithoutDistInfo() throws Exception {
        Path wheel = zip("x.whl", Map.of("a/__init__.py", ""));
        InvalidWheelException e = assertThrows(InvalidWheelException.class, () -> WheelArchive.read(wheel));
        assertTrue(e.getMessage().contains("no .dist-info directory"), e.getMessage());
        assertTrue(e.getMessage().contains(wheel.toString()), e.getMessage());
    }

    @Test
    void rejectsAWheelWithoutTags() throws Exception {
        Path wheel = zip("x.whl", Map.of("a-1.dist-info/METADATA", "Name: a\nVersion: 1\n",
                "a-1.dist-info/WHEEL", "Wheel-Version: 1.0\n"));
        InvalidWheelException e = assertThrows(InvalidWheelException.class, () -> WheelArchive.read(wheel));
        assertTrue(e.getMessage().contains("a-1.dist-info/WHEEL has no Tag line"), e.getMessage());
    }

    @Test
    void rejectsAMalformedTagAndATwoNamedMetadata() throws Exception {
        Path badTag = zip("t.whl", Map.of("a-1.dist-info/METADATA", "Name: a\nVersion: 1\n",
                "a-1.dist-info/WHEEL", "Tag: cp311-linux_x86_64\n"));
        assertTrue(assertThrows(InvalidWheelException.class, () -> WheelArchive.read(badTag)).getMessage()
                .contains("malformed Tag line 'cp311-linux_x86_64'"));
        Path twoNames = zip("n.whl", Map.of("a-1.dist-info/METADATA", "Name: a\nName: b\nVersion: 1\n",
                "a-1.dist-info/WHEEL", "Tag: py3-none-any\n"));
        assertTrue(assertThrows(InvalidWheelException.class, () -> WheelArchive.read(twoNames)).getMessage()
                .contains("2 'Name:' fields"));
    }

    @Test
    void rejectsAFileThatIsNoZip() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.whl"), "not a zip");
        assertThrows(InvalidWheelException.class, () -> WheelArchive.read(file));
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : new LinkedHashMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
