package dev.rustwheel.binary.pe;

/**
 * One section header of a PE image.
 *
 * @param name            up to 8 characters, such as {@code .rdata}
 * @param virtualSize     bytes in memory
 * @param virtualAddress  RVA of its start
 * @param rawSize         {@code SizeOfRawData}: bytes in the file (a multiple of the file alignment)
 * @param rawOffset       {@code PointerToRawData}
 * @param characteristics the {@code IMAGE_SCN_*} flags
 * @param headerOffset    file offset of this section header
 */
public record PeSection(String name, long virtualSize, long virtualAddress, long rawSize, long rawOffset,
        int characteristics, long headerOffset) {

    public static final int CNT_CODE = 0x20;
    public static final int CNT_INITIALIZED_DATA = 0x40;
    public static final int CNT_UNINITIALIZED_DATA = 0x80;
    public static final int MEM_DISCARDABLE = 0x02000000;
    public static final int MEM_EXECUTE = 0x20000000;
    public static final int MEM_READ = 0x40000000;
    public static final int MEM_WRITE = 0x80000000;

    /** Whether {@code rva} lies in this section's bytes in the file. */
    boolean holds(long rva) {
        return rva >= virtualAddress && rva - virtualAddress < rawSize;
    }

    /** Free bytes after the section's contents, inside its file-aligned raw data. */
    long slack() {
        return Math.max(0, rawSize - virtualSize);
    }
}
