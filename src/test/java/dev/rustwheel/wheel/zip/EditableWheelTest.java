package dev.rustwheel.wheel.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditableWheelTest {

    @TempDir
    Path dir;

    @Test
    void leavesTheProjectsSourcesOutAndKeepsWhatWasBuilt() throws Exception {
        Path python = Files.createDirectories(dir.resolve("project/python/pkg"));
        Files.writeString(python.resolve("__init__.py"), "from ._native import *\n");
        Files.writeString(dir.resolve("project/python/helper.py"), "X = 1\n");
        Path wheel = dir.resolve("pkg-1.0-cp311-cp311-linux_x86_64.whl");
        new WheelWriter(WheelWriter.ZIP_EPOCH).write(wheel, "pkg-1.0.dist-info", List.of(
                entry("pkg/__init__.py", "from ._native import *\n", false),
                entry("pkg/_native.cpython-311-x86_64-linux-gnu.so", "ELF", true),
                entry("helper.py", "X = 1\n", false),
                // generated, not in the project: stays
                entry("pkg/_version.py", "V = 1\n", false),
                entry("pkg-1.0.data/scripts/tool", "#!/bin/sh\n", true)), List.of(
                entry("METADATA", "Metadata-Version: 2.4\nName: pkg\nVersion: 1.0\n", false),
                entry("WHEEL", "Wheel-Version: 1.0\nTag: cp311-cp311-linux_x86_64\n", false)));

        Path editable = dir.resolve("editable/" + wheel.getFileName());
        Map<String, Path> fromProject = EditableWheel.write(wheel, dir.resolve("project/python"), editable,
                new WheelWriter(WheelWriter.ZIP_EPOCH));

        assertEquals(Map.of("pkg", python.toAbsolutePath(), "helper", dir.resolve("project/python/helper.py")
                .toAbsolutePath()), fromProject);
        List<String> names = new ArrayList<>();
        try (ZipFile zip = ZipFile.builder().setPath(editable).get()) {
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                names.add(entry.getName() + ((entry.getUnixMode() & 0100) != 0 ? " x" : ""));
            }
            String pth = new String(zip.getInputStream(zip.getEntry("_rustwheel_editable_pkg.pth")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertEquals("import _rustwheel_editable_pkg\n", pth);
            String finder = new String(zip.getInputStream(zip.getEntry("_rustwheel_editable_pkg.py")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(finder.contains("\"pkg\": \"" + python.toAbsolutePath() + "\""), finder);
        }
        assertEquals(List.of("_rustwheel_editable_pkg.pth", "_rustwheel_editable_pkg.py", "pkg-1.0.data/scripts/tool x",
                "pkg/_native.cpython-311-x86_64-linux-gnu.so x", "pkg/_version.py",
                "pkg-1.0.dist-info/METADATA", "pkg-1.0.dist-info/WHEEL", "pkg-1.0.dist-info/RECORD"), names);
    }

    @Test
    void aWheelWithNothingFromTheProjectNeedsNoFinder() throws Exception {
        Path wheel = dir.resolve("m-1.0-cp311-cp311-linux_x86_64.whl");
        new WheelWriter(WheelWriter.ZIP_EPOCH).write(wheel, "m-1.0.dist-info", List.of(
                entry("m/__init__.py", "from .m import *\n", false)), List.of(
                entry("METADATA", "Name: m\nVersion: 1.0\n", false),
                entry("WHEEL", "Tag: cp311-cp311-linux_x86_64\n", false)));
        Path editable = dir.resolve("e/" + wheel.getFileName());
        assertTrue(EditableWheel.write(wheel, Files.createDirectories(dir.resolve("empty")), editable,
                new WheelWriter(WheelWriter.ZIP_EPOCH)).isEmpty());
        try (ZipFile zip = ZipFile.builder().setPath(editable).get()) {
            assertTrue(zip.getEntry("m/__init__.py") != null);
        }
    }

    @Test
    void quotesPathsAsPythonStrings() {
        assertEquals("\"C:\\\\a \\\"b\\\"\"", EditableWheel.pythonString("C:\\a \"b\""));
    }

    private static WheelEntry entry(String path, String text, boolean executable) {
        return new WheelEntry(path, EntryContent.ofBytes(text.getBytes(StandardCharsets.UTF_8)), executable);
    }
}
