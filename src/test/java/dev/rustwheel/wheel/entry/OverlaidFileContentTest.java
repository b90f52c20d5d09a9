package dev.rustwheel.wheel.entry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.binary.elf.Gcc;
import dev.rustwheel.binary.elf.patch.ElfEdits;
import dev.rustwheel.binary.elf.patch.ElfPatcher;
import dev.rustwheel.binary.elf.patch.SearchPathEdit;
import dev.rustwheel.overlay.Overlay;
import dev.rustwheel.wheel.RecordRow;
import dev.rustwheel.wheel.zip.WheelWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlaidFileContentTest {

    @TempDir
    Path dir;

    @Test
    void writesThePatchedBytesAndLeavesTheFileClean() throws Exception {
        Path file = Files.writeString(dir.resolve("lib.so"), "clean bytes");
        Overlay overlay = Overlay.of(11, List.of(new Overlay.Overwrite(0, "CLEAN".getBytes(StandardCharsets.US_ASCII))),
                "+more".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EntryContent.ofFile(file, overlay).writeTo(out);
        assertEquals("CLEAN bytes+more", out.toString(StandardCharsets.US_ASCII));
        assertEquals("clean bytes", Files.readString(file));
    }

    /** The clean digest comes from the pass that writes the patched bytes, the bytes under overwrites included. */
    @Test
    void digestsTheCleanBytesWhileWritingThePatchedOnes() throws Exception {
        Path file = Files.writeString(dir.resolve("lib.so"), "clean bytes, clean tail");
        Overlay overlay = Overlay.of(23, List.of(new Overlay.Overwrite(0, "CLEAN".getBytes(StandardCharsets.US_ASCII)),
                new Overlay.Overwrite(13, "CLEAN".getBytes(StandardCharsets.US_ASCII))),
                "+more".getBytes(StandardCharsets.US_ASCII));
        List<String> digests = new java.util.ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        EntryContent.ofFile(file, overlay, digests::add).writeTo(out);

        assertEquals("CLEAN bytes, CLEAN tail+more", out.toString(StandardCharsets.US_ASCII));
        assertEquals(List.of(java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)))), digests);
    }

    /** As package writes a repaired module: RECORD describes the patched bytes, the file on disk stays clean. */
    @Test
    void aWheelHoldsThePatchedLibraryAndRecordDigestsItsPatchedBytes() throws Exception {
        Path library = Gcc.sharedLibrary(dir, "libdemo.so", "int demo(void) { return 1; }", "-Wl,-soname,libdemo.so");
        byte[] clean = Files.readAllBytes(library);
        Overlay overlay = ElfPatcher.plan(library, ElfEdits.none().withSoname("libdemo-ab12cd34.so")
                .withSearchPath(SearchPathEdit.rpath("$ORIGIN")));
        Path expected = dir.resolve("expected.so");
        overlay.writePatchedCopy(library, expected);
        byte[] patched = Files.readAllBytes(expected);
        Path wheel = dir.resolve("demo-1.0-cp311-cp311-linux_x86_64.whl");

        List<RecordRow> rows = new WheelWriter(WheelWriter.ZIP_EPOCH).write(wheel, "demo-1.0.dist-info",
                List.of(new WheelEntry("demo.libs/libdemo-ab12cd34.so", EntryContent.ofFile(library, overlay), true)),
                List.of());

        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            byte[] stored = zip.getInputStream(zip.getEntry("demo.libs/libdemo-ab12cd34.so")).readAllBytes();
            assertArrayEquals(patched, stored);
            String record = new String(zip.getInputStream(zip.getEntry("demo-1.0.dist-info/RECORD")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(record.contains("demo.libs/libdemo-ab12cd34.so,sha256=" + digest(patched) + ","
                    + patched.length),
                    record);
        }
        assertEquals(digest(patched), rows.get(0).sha256());
        assertArrayEquals(clean, Files.readAllBytes(library), "the clean file was written to");
    }

    private static String digest(byte[] bytes) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
