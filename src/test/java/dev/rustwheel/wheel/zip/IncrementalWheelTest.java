package dev.rustwheel.wheel.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.overlay.Overlay;
import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rebuild reuses what did not change and still gives the bytes of a cold build. */
class IncrementalWheelTest {

    private static final String DIST_INFO = "demo-1.0.dist-info";
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private Path python;
    private Path library;
    private Overlay overlay;
    private Path wheel;
    private PackedWheel first;

    @BeforeEach
    void writeTheFirstWheel() throws IOException {
        python = Files.writeString(dir.resolve("__init__.py"), "from ._native import *\n");
        byte[] bytes = ParallelDeflateOutputStreamTest.sample(3 << 20);
        library = Files.write(dir.resolve("_native.so"), bytes);
        Files.setLastModifiedTime(python, LONG_AGO);
        Files.setLastModifiedTime(library, LONG_AGO);
        overlay = Overlay.of(bytes.length, List.of(new Overlay.Overwrite(100, new byte[] {1, 2, 3})), new byte[8]);
        wheel = dir.resolve("wheels/demo-1.0-cp311-cp311-linux_x86_64.whl");
        WheelUpdate update = writer().update(wheel, DIST_INFO, payload(), distInfo("1.0"), null);
        assertFalse(update.untouched());
        assertEquals(0, update.reused());
        first = update.wheel();
    }

    @Test
    void nothingChangedLeavesTheWheelFileAsItWas() throws Exception {
        byte[] before = Files.readAllBytes(wheel);
        FileTime modified = Files.getLastModifiedTime(wheel);
        WheelUpdate update = writer().update(wheel, DIST_INFO, payload(), distInfo("1.0"), first);
        assertTrue(update.untouched());
        assertEquals(first, update.wheel());
        assertEquals(modified, Files.getLastModifiedTime(wheel));
        assertArrayEquals(before, Files.readAllBytes(wheel));
        assertArrayEquals(cold(), before);
    }

    @Test
    void upToDateSaysBeforehandWhatUpdateWillDo() throws Exception {
        byte[] before = Files.readAllBytes(wheel);
        assertFalse(writer().upToDate(wheel, DIST_INFO, payload(), distInfo("1.0"), null), "nothing recorded");
        assertTrue(writer().upToDate(wheel, DIST_INFO, payload(), distInfo("1.0"), first));
        assertFalse(writer().upToDate(wheel, DIST_INFO, payload(), distInfo("1.1"), first), "METADATA changed");
        Files.writeString(python, "from ._native import *\nVERSION = 2\n");
        assertFalse(writer().upToDate(wheel, DIST_INFO, payload(), distInfo("1.0"), first), "a file changed");
        assertArrayEquals(before, Files.readAllBytes(wheel), "asking writes nothing");
    }

    @Test
    void aChangedPythonFileIsWrittenAgainAndTheRestCopied() throws Exception {
        Files.writeString(python, "from ._native import *\nVERSION = 2\n");
        WheelUpdate update = writer().update(wheel, DIST_INFO, payload(), distInfo("1.0"), first);
        assertFalse(update.untouched());
        assertEquals(3, update.reused(), "the library, METADATA and WHEEL are copied");
        assertArrayEquals(cold(), Files.readAllBytes(wheel));
    }

    @Test
    void aRebuiltNativeLibraryIsWrittenAgain() throws Exception {
        byte[] bytes = Files.readAllBytes(library);
        bytes[2_000_000] ^= 1;
        Files.write(library, bytes);
        WheelUpdate update = writer().update(wheel, DIST_INFO, payload(), distInfo("1.0"), first);
        assertEquals(3, update.reused());
        assertArrayEquals(cold(), Files.readAllBytes(wheel));
    }

    @Test
    void aChangedOverlayIsWrittenAgainThoughTheCleanFileIsTheSame() throws Exception {
        overlay = Overlay.of(overlay.baseSize(), List.of(new Overlay.Overwrite(100, new byte[] {9, 9, 9})),
                new byte[8]);
        WheelUpdate update = writer().update(wheel, DIST_INFO, payload(), distInfo("1.0"), first);
        assertEquals(3, update.reused());
        assertArrayEquals(cold(), Files.readAllBytes(wheel));
    }

    @Test
    void changedMetadataIsWrittenAgain() throws Exception {
        WheelUpdate update = writer().update(wheel, DIST_INFO, payload(), distInfo("1.1"), first);
        assertEquals(3, update.reused());
        assertArrayEquals(cold("1.1"), Files.readAllBytes(wheel));
    }

    /** Someone else's edit to the wheel must not survive into, or be copied from by, the next build. */
    @Test
    void aWheelChangedByAnyoneElseIsNeitherKeptNorCopiedFrom() throws Exception {
        Files.write(wheel, "not a zip".getBytes(StandardCharsets.UTF_8));
        WheelUpdate update = writer().update(wheel, DIST_INFO, payload(), distInfo("1.0"), first);
        assertFalse(update.untouched());
        assertEquals(0, update.reused());
        assertArrayEquals(cold(), Files.readAllBytes(wheel));
    }

    @Test
    void anotherCompressionLevelWritesEverythingAgain() throws Exception {
        WheelUpdate update = new WheelWriter(WheelWriter.ZIP_EPOCH, new Compression(true, 1), 2, p -> { })
                .update(wheel, DIST_INFO, payload(), distInfo("1.0"), first);
        assertEquals(0, update.reused());
    }

    @Test
    void aDeletedWheelIsWrittenAgain() throws Exception {
        Files.delete(wheel);
        WheelUpdate update = writer().update(wheel, DIST_INFO, payload(), distInfo("1.0"), first);
        assertFalse(update.untouched());
        assertArrayEquals(cold(), Files.readAllBytes(wheel));
    }

    private byte[] cold() throws IOException {
        return cold("1.0");
    }

    private byte[] cold(String version) throws IOException {
        Path coldWheel = dir.resolve("cold/" + wheel.getFileName());
        Files.deleteIfExists(coldWheel);
        writer().write(coldWheel, DIST_INFO, payload(), distInfo(version));
        return Files.readAllBytes(coldWheel);
    }

    private static WheelWriter writer() {
        return new WheelWriter(WheelWriter.ZIP_EPOCH, Compression.DEFAULT, 2, p -> { });
    }

    private List<WheelEntry> payload() {
        return List.of(new WheelEntry("demo/__init__.py", EntryContent.ofFile(python), false),
                new WheelEntry("demo/_native.cpython-311-x86_64-linux-gnu.so",
                        EntryContent.ofFile(library, overlay), false));
    }

    private static List<WheelEntry> distInfo(String version) {
        return List.of(new WheelEntry("METADATA", EntryContent.ofBytes(("Metadata-Version: 2.4\nName: demo\nVersion: "
                        + version + "\n").getBytes(StandardCharsets.UTF_8)), false),
                new WheelEntry("WHEEL", EntryContent.ofBytes("Wheel-Version: 1.0\n".getBytes(StandardCharsets.UTF_8)),
                        false));
    }
}
