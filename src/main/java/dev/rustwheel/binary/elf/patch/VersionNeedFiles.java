package dev.rustwheel.binary.elf.patch;

import dev.rustwheel.binary.elf.DynamicSection;
import dev.rustwheel.binary.elf.ElfInput;
import dev.rustwheel.binary.elf.LoadSegments;
import dev.rustwheel.binary.elf.StringTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@code .gnu.version_r} names the libraries it needs versions from. Each {@code Elf32/64_Verneed} record
 * (16 bytes in both classes) names a library by {@code vn_file}, a .dynstr offset; when DT_NEEDED is
 * rewritten, the matching record must follow, or the loader looks for the versions in a library that is not
 * loaded and refuses the file.
 */
final class VersionNeedFiles {

    static final long DT_VERNEED = 0x6ffffffeL;
    static final long DT_VERNEEDNUM = 0x6fffffffL;
    private static final int VERNEED_SIZE = 16;
    private static final int VN_FILE = 4;
    private static final int VN_NEXT = 12;

    /** One {@code vn_file} field: its position in the file and the name it holds. */
    record NeededFile(long fieldOffset, String name) {
    }

    private VersionNeedFiles() {
    }

    static List<NeededFile> read(ElfInput input, DynamicSection dynamic, LoadSegments segments, StringTable names)
            throws IOException {
        if (dynamic.value(DT_VERNEED).isEmpty()) {
            return List.of();
        }
        long count = dynamic.value(DT_VERNEEDNUM)
                .orElseThrow(() -> input.failure("the dynamic section has DT_VERNEED but no DT_VERNEEDNUM"));
        long offset = segments.fileOffsetOf(dynamic.value(DT_VERNEED).getAsLong(), "DT_VERNEED");
        List<NeededFile> files = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            ByteBuffer record = input.read("version need record " + i + " (.gnu.version_r)", offset, VERNEED_SIZE);
            long file = Integer.toUnsignedLong(record.getInt(VN_FILE));
            files.add(new NeededFile(offset + VN_FILE, names.at(file)));
            long next = Integer.toUnsignedLong(record.getInt(VN_NEXT));
            if (next == 0) {
                break;
            }
            // forward only: a record pointing back at itself or earlier would loop
            if (next < VERNEED_SIZE) {
                throw input.failure("version need record " + i + " (.gnu.version_r) has vn_next " + next
                        + ", less than the record's own " + VERNEED_SIZE + " bytes");
            }
            offset += next;
        }
        return files;
    }
}
