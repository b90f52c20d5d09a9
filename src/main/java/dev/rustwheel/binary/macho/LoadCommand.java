package dev.rustwheel.binary.macho;

/**
 * One load command of a slice, where it sits (relative to the slice's start) and its type.
 *
 * @param type   {@code cmd}, such as {@link #LOAD_DYLIB}
 * @param offset offset of the command from the start of the slice
 * @param size   {@code cmdsize}
 */
public record LoadCommand(int type, int offset, int size) {

    public static final int SEGMENT = 0x1;
    public static final int LOAD_DYLIB = 0xc;
    public static final int ID_DYLIB = 0xd;
    public static final int SEGMENT_64 = 0x19;
    public static final int CODE_SIGNATURE = 0x1d;
    public static final int LAZY_LOAD_DYLIB = 0x20;
    public static final int VERSION_MIN_MACOSX = 0x24;
    public static final int BUILD_VERSION = 0x32;
    public static final int LOAD_WEAK_DYLIB = 0x80000018;
    public static final int RPATH = 0x8000001c;
    public static final int REEXPORT_DYLIB = 0x8000001f;
    public static final int LOAD_UPWARD_DYLIB = 0x80000023;
}
