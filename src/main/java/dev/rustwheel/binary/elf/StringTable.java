package dev.rustwheel.binary.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A string table (.shstrtab, .dynstr): NUL-terminated strings addressed by byte offset. */
public final class StringTable {

    private final ElfInput input;
    private final String what;
    private final byte[] bytes;
    /**
     * How many more bytes the lookups may scan. Names may overlap (one is the tail of another), so without a
     * budget a hostile file could point thousands of records at one megabyte-long string; honest files stay far
     * below a few passes over their table.
     */
    private long scanBudget;

    private StringTable(ElfInput input, String what, byte[] bytes) {
        this.input = input;
        this.what = what;
        this.bytes = bytes;
        this.scanBudget = SCAN_PASSES * bytes.length + SCAN_ALLOWANCE;
    }

    private static final long SCAN_PASSES = 8;
    private static final long SCAN_ALLOWANCE = 1 << 20;

    public static StringTable read(ElfInput input, String what, long offset, long size) throws IOException {
        ByteBuffer buffer = input.read(what, offset, size);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new StringTable(input, what, bytes);
    }

    /**
     * The string starting at {@code offset}. The scan for the terminator stops at the end of the table, so a
     * table whose last string lacks its NUL is reported instead of read past.
     */
    public String at(long offset) throws ElfFormatException {
        int start = start(offset);
        // Symbol names never reach the file system; decoding with replacement never throws.
        return new String(bytes, start, end(start) - start, StandardCharsets.UTF_8);
    }

    /**
     * The name starting at {@code offset}, which may become a file name: its bytes must be UTF-8, or the name is
     * reported, escaped byte for byte, rather than replaced by something no file is called.
     *
     * @param role what the name is, e.g. "DT_RUNPATH"
     */
    String name(long offset, String role) throws ElfFormatException {
        int start = start(offset);
        int end = end(start);
        String name = NameBytes.utf8OrNull(bytes, start, end);
        if (name == null) {
            throw input.failure(role + " '" + NameBytes.escaped(bytes, start, end) + "' (" + what + ", offset "
                    + start + ") is not UTF-8, so it cannot name a file or directory here; link with UTF-8 names");
        }
        return name;
    }

    private int start(long offset) throws ElfFormatException {
        if (offset < 0 || offset >= bytes.length) {
            throw input.failure(what + ": string offset " + Long.toUnsignedString(offset)
                    + " is outside the table (" + bytes.length + " bytes)");
        }
        return (int) offset;
    }

    private int end(int start) throws ElfFormatException {
        int end = start;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        scanBudget -= end - start;
        if (scanBudget < 0) {
            throw input.failure(what + ": its strings were read more than " + SCAN_PASSES + " times over ("
                    + bytes.length + " bytes); the records naming them overlap, as no linker writes them");
        }
        if (end == bytes.length) {
            throw input.failure(what + ": the string at offset " + start
                    + " has no terminating NUL before the end of the table (" + bytes.length + " bytes)");
        }
        return end;
    }
}
