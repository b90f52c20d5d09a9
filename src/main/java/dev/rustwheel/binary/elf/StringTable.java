package dev.rustwheel.binary.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A string table (.shstrtab, .dynstr): NUL-terminated strings addressed by byte offset. */
final class StringTable {

    private final ElfInput input;
    private final String what;
    private final byte[] bytes;

    private StringTable(ElfInput input, String what, byte[] bytes) {
        this.input = input;
        this.what = what;
        this.bytes = bytes;
    }

    static StringTable read(ElfInput input, String what, long offset, long size) throws IOException {
        ByteBuffer buffer = input.read(what, offset, size);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new StringTable(input, what, bytes);
    }

    /**
     * The string starting at {@code offset}. The scan for the terminator stops at the end of the table, so a
     * table whose last string lacks its NUL is reported instead of read past.
     */
    String at(long offset) throws ElfFormatException {
        if (offset < 0 || offset >= bytes.length) {
            throw input.failure(what + ": string offset " + Long.toUnsignedString(offset)
                    + " is outside the table (" + bytes.length + " bytes)");
        }
        int start = (int) offset;
        int end = start;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        if (end == bytes.length) {
            throw input.failure(what + ": the string at offset " + start
                    + " has no terminating NUL before the end of the table (" + bytes.length + " bytes)");
        }
        // Names are bytes to the linker; UTF-8 is what Rust and C toolchains emit, and decoding never throws.
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }
}
