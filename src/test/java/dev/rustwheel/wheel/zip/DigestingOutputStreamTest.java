package dev.rustwheel.wheel.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rustwheel.wheel.RecordRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestingOutputStreamTest {

    @Test
    void digestsAndCountsWhatItPassesOn() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DigestingOutputStream out = new DigestingOutputStream(sink);
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        out.write(hello[0]);
        out.write(hello, 1, 4);
        // sha256("hello") = 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
        assertEquals(new RecordRow("greeting", "LPJNul-wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ", 5),
                out.recordRow("greeting"));
        assertArrayEquals(hello, sink.toByteArray());
    }

    @Test
    void leavesTheArchiveOpenWhenClosed() throws IOException {
        boolean[] closed = {false};
        OutputStream archive = new OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new DigestingOutputStream(archive).close();
        assertFalse(closed[0]);
    }
}
