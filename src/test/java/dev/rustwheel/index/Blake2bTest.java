package dev.rustwheel.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Against Python's hashlib.blake2b, around the block boundary (the last block is compressed differently). */
class Blake2bTest {

    private static String digest(byte[] data, int length, int chunk) {
        Blake2b blake2b = new Blake2b(length);
        for (int offset = 0; offset < data.length; offset += chunk) {
            blake2b.update(data, offset, Math.min(chunk, data.length - offset));
        }
        return HexFormat.of().formatHex(blake2b.digest());
    }

    private static byte[] counting(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i % 251);
        }
        return data;
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8",
            "128, c3582f71ebb2be66fa5dd750f80baae97554f3b015663c8be377cfcb2488c1d1",
            "129, f7f3c46ba2564ff4c4c162da1f5b605f9f1c4aa6a20652a9f9a337c1a2f5b9c9",
    })
    void blake2b256MatchesHashlibAtTheBlockBoundary(int length, String expected) {
        assertEquals(expected, digest(counting(length), 32, 1000));
        assertEquals(expected, digest(counting(length), 32, 7));
    }

    @Test
    void shortInputsAndLongDigests() {
        assertEquals("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319",
                digest("abc".getBytes(StandardCharsets.US_ASCII), 32, 3));
        assertEquals("a0b4e1c912a57364ed019d57296b9f14fd4ac7a36dc5b324706ba2b1497cf7b58b813ef6d86efab3a9461768ea9a552a"
                + "b97554f8c4b010ed26d04ae6158bcedf", digest(counting(100000), 64, 4096));
    }

    @Test
    void digestLengthsOutsideTheStandardAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Blake2b(0));
        assertThrows(IllegalArgumentException.class, () -> new Blake2b(65));
    }
}
