package dev.rustwheel.binary.macho;

/**
 * The oldest macOS a slice runs on, as its load commands declare it.
 *
 * @param major  {@code 10} or {@code 11}
 * @param minor  {@code 9}
 * @param patch  rarely anything but 0
 * @param source the load command it came from ({@code LC_BUILD_VERSION} or {@code LC_VERSION_MIN_MACOSX})
 */
public record MinimumOs(int major, int minor, int patch, String source) implements Comparable<MinimumOs> {

    /** Decodes the {@code xxxx.yy.zz} nibble encoding Mach-O uses for versions. */
    static MinimumOs decode(int encoded, String source) {
        return new MinimumOs(encoded >>> 16, (encoded >>> 8) & 0xff, encoded & 0xff, source);
    }

    @Override
    public int compareTo(MinimumOs other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + (patch == 0 ? "" : "." + patch);
    }
}
