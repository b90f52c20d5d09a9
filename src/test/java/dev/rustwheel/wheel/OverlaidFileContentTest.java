package dev.rustwheel.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustwheel.overlay.Overlay;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
