package dev.rustwheel.goals.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.goals.BuildException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking a wheel's ELF entries for show, and finding the wheel in a directory. */
class ShowStepTest {

    private static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1};

    @TempDir
    Path dir;

    private Path zip(String name, Map<String, byte[]> entries) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void unpacksOnlyElfEntriesAtTheirPaths() throws Exception {
        Path wheel = zip("demo-1.0-cp311-cp311-linux_x86_64.whl", Map.of("demo/demo.so", ELF,
                "demo/__init__.py", "from .demo import *\n".getBytes(), "demo.libs/libx.so", ELF));
        Path target = Files.createDirectory(dir.resolve("out"));
        List<Path> files = ShowStep.unpackNativeEntries(wheel, target);
        assertEquals(2, files.size());
        assertTrue(files.contains(target.resolve("demo/demo.so")) && files.contains(target.resolve("demo.libs/libx.so")));
        assertTrue(!Files.exists(target.resolve("demo/__init__.py")));
    }

    @Test
    void refusesEntriesThatEscapeTheDirectory() throws Exception {
        Path wheel = zip("evil.whl", Map.of("../../escape.so", ELF));
        Path target = Files.createDirectory(dir.resolve("out"));
        BuildException e = assertThrows(BuildException.class, () -> ShowStep.unpackNativeEntries(wheel, target));
        assertTrue(e.isUserError() && e.getMessage().contains("entry '../../escape.so' points outside the wheel"),
                e.getMessage());
    }

    @Test
    void aDirectoryMustHoldExactlyOneWheel() throws Exception {
        Path wheels = Files.createDirectory(dir.resolve("wheels"));
        BuildException none = assertThrows(BuildException.class, () -> ShowStep.singleWheel(wheels));
        assertTrue(none.getMessage().contains("holds 0 wheels"), none.getMessage());
        Path one = Files.write(wheels.resolve("a-1-py3-none-any.whl"), new byte[0]);
        assertEquals(one, ShowStep.singleWheel(wheels));
        Files.write(wheels.resolve("b-1-py3-none-any.whl"), new byte[0]);
        assertTrue(assertThrows(BuildException.class, () -> ShowStep.singleWheel(wheels)).getMessage()
                .contains("holds 2 wheels"));
    }

    @Test
    void aMissingWheelIsAUserError() {
        BuildException e = assertThrows(BuildException.class,
                () -> ShowStep.unpackNativeEntries(dir.resolve("nope.whl"), dir));
        assertTrue(e.isUserError() && e.getMessage().contains("nope.whl"), e.getMessage());
    }
}
