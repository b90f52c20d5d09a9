package dev.rustwheel.binary.macho;

import dev.rustwheel.binary.BinaryInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Mach-O file as the loader and the audit see it: thin, or fat (universal) with one slice per architecture.
 *
 * @param path   where it was read from (names it in messages)
 * @param fat    whether it has a fat header
 * @param slices one for a thin file; the fat header's slices in order otherwise
 */
public record MachOFile(Path path, boolean fat, List<MachOSlice> slices) {

    static final int FAT_MAGIC = 0xcafebabe;
    static final int FAT_MAGIC_64 = 0xcafebabf;
    static final int MH_MAGIC = 0xfeedface;
    static final int MH_MAGIC_64 = 0xfeedfacf;
    /**
     * Java class files share the fat magic; their next field (the class version, 45 and up) is far above any
     * real slice count, which is how file(1) tells them apart too.
     */
    private static final int MAX_SLICES = 32;

    public MachOFile {
        slices = List.copyOf(slices);
    }

    /** Whether {@code head} (the first 4 bytes or more) starts a thin or fat Mach-O file. */
    public static boolean hasMagic(byte[] head) {
        if (head.length < 4) {
            return false;
        }
        int big = ByteBuffer.wrap(head, 0, 4).getInt();
        int little = Integer.reverseBytes(big);
        return big == FAT_MAGIC || big == FAT_MAGIC_64 || big == MH_MAGIC || big == MH_MAGIC_64
                || little == MH_MAGIC || little == MH_MAGIC_64;
    }

    public static MachOFile read(Path path) throws IOException {
        try (BinaryInput in = BinaryInput.open(path, MachOFormatException::new)) {
            return read(in);
        }
    }

    /** Reads {@code bytes} as the file {@code name} (which only names it in messages). */
    public static MachOFile parse(Path name, byte[] bytes) throws IOException {
        return read(BinaryInput.of(name, bytes, MachOFormatException::new));
    }

    static MachOFile read(BinaryInput in) throws IOException {
        int magic = in.read("magic number", 0, 4, ByteOrder.BIG_ENDIAN).getInt();
        if (magic != FAT_MAGIC && magic != FAT_MAGIC_64) {
            return new MachOFile(in.path(), false, List.of(MachOSliceReader.read(in, 0, in.size())));
        }
        boolean wide = magic == FAT_MAGIC_64;
        int count = in.read("fat header", 4, 4, ByteOrder.BIG_ENDIAN).getInt();
        if (count <= 0 || count > MAX_SLICES) {
            throw in.failure("fat header declares " + Integer.toUnsignedString(count)
                    + " architectures; a universal binary has between 1 and " + MAX_SLICES);
        }
        int entrySize = wide ? 32 : 20;
        ByteBuffer table = in.read("fat architecture table", 8, (long) count * entrySize, ByteOrder.BIG_ENDIAN);
        List<MachOSlice> slices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            table.position(i * entrySize);
            int cpuType = table.getInt();
            table.getInt(); // cpusubtype: the slice's own header says it again
            long offset = wide ? table.getLong() : Integer.toUnsignedLong(table.getInt());
            long size = wide ? table.getLong() : Integer.toUnsignedLong(table.getInt());
            if (offset < 8 + (long) count * entrySize || size < 0 || offset > in.size() || size > in.size() - offset) {
                throw in.failure("fat architecture " + i + " lies at offset " + Long.toUnsignedString(offset)
                        + " with " + Long.toUnsignedString(size) + " bytes, outside the file (" + in.size()
                        + " bytes)");
            }
            MachOSlice slice = MachOSliceReader.read(in, offset, size);
            if (slice.cpuType() != cpuType) {
                throw in.failure("fat architecture " + i + " claims CPU type 0x" + Integer.toHexString(cpuType)
                        + " but its slice is 0x" + Integer.toHexString(slice.cpuType()));
            }
            slices.add(slice);
        }
        return new MachOFile(in.path(), true, slices);
    }

    /** The slices' architectures in order ({@code [x86_64, arm64]}). */
    public List<String> architectures() {
        return slices.stream().map(MachOSlice::architecture).toList();
    }
}
