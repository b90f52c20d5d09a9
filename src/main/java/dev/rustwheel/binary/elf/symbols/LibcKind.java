package dev.rustwheel.binary.elf.symbols;

/** Which C library an object was linked against, which decides between manylinux and musllinux. */
public enum LibcKind {
    GLIBC,
    MUSL,
    /** Neither an interpreter nor a needed library names one, as for {@code -nostdlib} objects. */
    NONE
}
