package dev.rustwheel.binary.elf;

/** {@code e_type}: what kind of object the file is. OS- and processor-specific types are {@link #OTHER}. */
public enum ElfType {
    NONE,
    RELOCATABLE,
    EXECUTABLE,
    SHARED_OBJECT,
    CORE,
    OTHER;

    static ElfType of(int code) {
        return switch (code) {
            case 0 -> NONE;
            case 1 -> RELOCATABLE;
            case 2 -> EXECUTABLE;
            case 3 -> SHARED_OBJECT;
            case 4 -> CORE;
            default -> OTHER;
        };
    }
}
