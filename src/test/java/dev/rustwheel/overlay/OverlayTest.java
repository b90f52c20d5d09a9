package dev.rustwheel.overlay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayTest {

    /** Configured as the manifest's mapper is, so a round trip here is a round trip there. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    @TempDir
    Path dir;

    private static final Overlay SAMPLE = Overlay.of(10, List.of(
            new Overlay.Overwrite(6, bytes("XY")),
            new Overlay.Overwrite(0, bytes("ab")),
            new Overlay.Overwrite(2, bytes("c"))), bytes("+tail"));

    @Test
    void appliesOverwritesAndAppendsWhileStreaming() throws Exception {
        Path clean = Files.writeString(dir.resolve("clean"), "0123456789");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SAMPLE.writeTo(clean, out);
        assertEquals("abc345XY89+tail", out.toString(StandardCharsets.US_ASCII));
        assertEquals(15, SAMPLE.patchedSize());
        assertEquals("0123456789", Files.readString(clean));
    }

    @Test
    void patchedCopyEqualsTheStreamedBytes() throws Exception {
        byte[] big = new byte[3 * (1 << 20) + 17]; // several stream buffers and a partial one
        new Random(7).nextBytes(big);
        Path clean = Files.write(dir.resolve("clean"), big);
        Overlay overlay = Overlay.of(big.length, List.of(new Overlay.Overwrite(0, bytes("head")),
                new Overlay.Overwrite((1 << 20) - 2, bytes("across")),
                new Overlay.Overwrite(big.length - 1, bytes("!"))), bytes("appended"));

        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        overlay.writeTo(clean, streamed);
        Path copy = dir.resolve("copy");
        overlay.writePatchedCopy(clean, copy);
        assertArrayEquals(streamed.toByteArray(), Files.readAllBytes(copy));
        assertEquals(overlay.patchedSize(), Files.size(copy));
        assertEquals("across", new String(streamed.toByteArray(), (1 << 20) - 2, 6, StandardCharsets.US_ASCII));
        assertArrayEquals(big, Files.readAllBytes(clean));
    }

    @Test
    void neverWritesOverAnExistingFile() throws Exception {
        Path clean = Files.writeString(dir.resolve("clean"), "0123456789");
        assertThrows(FileAlreadyExistsException.class, () -> SAMPLE.writePatchedCopy(clean, clean));
        assertEquals("0123456789", Files.readString(clean));
    }

    @Test
    void refusesAFileThatChangedSinceThePlan() throws Exception {
        Path clean = Files.writeString(dir.resolve("clean"), "0123456789-");
        IOException e = assertThrows(IOException.class, () -> SAMPLE.writeTo(clean, new ByteArrayOutputStream()));
        assertEquals(clean + ": the file has 11 bytes but its overlay was planned for 10; it changed after the"
                + " repair was planned, so run the build again", e.getMessage());
        assertFalse(Files.exists(dir.resolve("copy")));
        assertThrows(IOException.class, () -> SAMPLE.writePatchedCopy(clean, dir.resolve("copy")));
    }

    @Test
    void mergesAdjacentOverwrites() {
        assertEquals(List.of(new Overlay.Overwrite(0, bytes("abc")), new Overlay.Overwrite(6, bytes("XY"))),
                SAMPLE.overwrites());
    }

    @Test
    void rejectsOverlappingOrOutOfRangeOverwrites() {
        IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class, () -> Overlay.of(10,
                List.of(new Overlay.Overwrite(0, bytes("abc")), new Overlay.Overwrite(2, bytes("x"))), bytes("")));
        assertEquals("overlay overwrites are unsorted or overlap at offset 2", overlap.getMessage());
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
                () -> Overlay.of(10, List.of(new Overlay.Overwrite(9, bytes("ab"))), bytes("")));
        assertTrue(past.getMessage().contains("ends past the clean file's 10 bytes"), past.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Overlay.Overwrite(-1, bytes("a")));
    }

    @Test
    void identityChangesNothing() throws Exception {
        Path clean = Files.writeString(dir.resolve("clean"), "0123456789");
        assertTrue(Overlay.identity(10).changesNothing());
        assertFalse(SAMPLE.changesNothing());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Overlay.identity(10).writeTo(clean, out);
        assertEquals("0123456789", out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void survivesJsonRoundTripWithBytesAsBase64() throws Exception {
        String json = MAPPER.writeValueAsString(SAMPLE);
        assertEquals("{\"baseSize\":10,\"overwrites\":[{\"offset\":0,\"bytes\":\"YWJj\"},"
                + "{\"offset\":6,\"bytes\":\"WFk=\"}],\"appended\":\"K3RhaWw=\"}", json);
        assertEquals(SAMPLE, MAPPER.readValue(json, Overlay.class));
    }

    @Test
    void jsonWithOverlappingRangesIsRejected() {
        String json = "{\"baseSize\":10,\"overwrites\":[{\"offset\":0,\"bytes\":\"YWJj\"},"
                + "{\"offset\":1,\"bytes\":\"WFk=\"}],\"appended\":\"\"}";
        IOException e = assertThrows(IOException.class, () -> MAPPER.readValue(json, Overlay.class));
        assertTrue(e.getMessage().contains("overlap at offset 1"), e.getMessage());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
