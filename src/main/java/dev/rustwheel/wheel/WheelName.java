package dev.rustwheel.wheel;

import dev.rustwheel.python.DistributionName;
import dev.rustwheel.python.Pep440;

/**
 * The names the binary distribution format prescribes. Versions must already be in PEP 440 normal form, which
 * never contains {@code -}, so the spec's "replace {@code -} in the version by {@code _}" has nothing to do.
 */
public final class WheelName {

    private WheelName() {
    }

    /** {@code fastparse_py-1.2.0-cp311-cp311-linux_x86_64.whl}. */
    public static String fileName(DistributionName distribution, String version, WheelTag tag) {
        return prefix(distribution, version) + "-" + tag + ".whl";
    }

    /** {@code fastparse_py-1.2.0.dist-info}. */
    public static String distInfoDirectory(DistributionName distribution, String version) {
        return prefix(distribution, version) + ".dist-info";
    }

    /** {@code fastparse_py-1.2.0.data}: files installed into other schemes (scripts, headers, data). */
    public static String dataDirectory(DistributionName distribution, String version) {
        return prefix(distribution, version) + ".data";
    }

    private static String prefix(DistributionName distribution, String version) {
        if (!Pep440.isNormalized(version)) {
            throw new IllegalArgumentException("version '" + version + "' is not in PEP 440 normal form;"
                    + " pass it through Pep440.normalize first");
        }
        return distribution.wheelEscaped() + "-" + version;
    }
}
