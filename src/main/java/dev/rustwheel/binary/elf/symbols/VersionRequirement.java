package dev.rustwheel.binary.elf.symbols;

import java.util.List;

/**
 * What one {@code Elf_Verneed} entry of {@code .gnu.version_r} asks of one library: the symbol versions it must
 * define, e.g. {@code libc.so.6} with {@code GLIBC_2.14} and {@code GLIBC_2.34}.
 *
 * @param library  the library's file name as the linker recorded it (its soname)
 * @param versions the version names, in file order
 */
public record VersionRequirement(String library, List<String> versions) {

    public VersionRequirement {
        versions = List.copyOf(versions);
    }
}
