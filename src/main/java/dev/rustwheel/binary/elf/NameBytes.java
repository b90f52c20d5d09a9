package dev.rustwheel.binary.elf;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Names in an ELF file (libraries, search paths, the interpreter) are bytes. They become Java strings only when
 * they are UTF-8, which is what Rust and C toolchains write, so that no byte is silently replaced; in messages
 * they are shown byte for byte, escaped, so that the user can find the name that does not decode.
 */
public final class NameBytes {

    private NameBytes() {
    }

    /** The UTF-8 text of {@code bytes[from, to)}, or null when those bytes are not UTF-8. */
    static String utf8OrNull(byte[] bytes, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Printable ASCII as it is, every other byte (and the backslash) as {@code \xNN}: {@code caf\xc3\xa9}. */
    public static String escaped(byte[] bytes) {
        return escaped(bytes, 0, bytes.length);
    }

    static String escaped(byte[] bytes, int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '\\') {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02x", b));
            }
        }
        return text.toString();
    }

    /** A name already decoded, shown as its UTF-8 bytes: how it reads in the file. */
    public static String escaped(String name) {
        return escaped(name.getBytes(StandardCharsets.UTF_8));
    }
}
