package dev.rustwheel.binary.elf.symbols;

/**
 * A dynamic symbol this object takes from another: undefined here, with global or weak binding.
 *
 * @param name    the symbol name, without version
 * @param version the version it binds to ({@code GLIBC_2.14}), or null when unversioned
 * @param library the library {@code .gnu.version_r} names for that version, or null when unversioned
 * @param weak    whether the loader tolerates its absence
 */
public record ImportedSymbol(String name, String version, String library, boolean weak) {

    /** {@code memcpy@GLIBC_2.14}, as readelf and nm print it. */
    @Override
    public String toString() {
        return version == null ? name : name + "@" + version;
    }
}
