package dev.rustwheel.staging;

import java.util.ArrayList;
import java.util.List;

/**
 * Where things go in the wheel, decided once: {@code repair} records it (it places grafted libraries and points each
 * file's RPATH at them), {@code package} writes the files there and refuses a layout its own configuration would not
 * give. Spelled in plain strings so that the manifest stays readable. The version is not part of it: it places
 * nothing, and the package goal's version parameter may set it.
 *
 * @param bindings         {@code EXTENSION} (a native module) or {@code BIN} (executables as scripts)
 * @param moduleName       the import name of the native module, possibly dotted ({@code pkg._native}), or of the
 *                         package shipped beside the executables
 * @param moduleDirectory  the wheel directory the native module lands in ({@code pkg} for {@code pkg._native})
 * @param distribution     the distribution name as wheel file names spell it ({@code fast_parse})
 * @param libsDirectory    where grafted libraries go ({@code <dist>.libs})
 * @param scriptsDirectory where executables needing grafted libraries go ({@code <dist>.scripts})
 */
public record WheelLayout(String bindings, String moduleName, String moduleDirectory, String distribution,
                          String libsDirectory, String scriptsDirectory) {

    /** Each component that differs, as {@code moduleName 'a' here, 'b' there}; empty when both are the same. */
    public List<String> differences(WheelLayout other, String here, String there) {
        List<String> differences = new ArrayList<>();
        compare(differences, "bindings", bindings, other.bindings, here, there);
        compare(differences, "module name", moduleName, other.moduleName, here, there);
        compare(differences, "module directory", moduleDirectory, other.moduleDirectory, here, there);
        compare(differences, "distribution", distribution, other.distribution, here, there);
        compare(differences, "libraries directory", libsDirectory, other.libsDirectory, here, there);
        compare(differences, "scripts directory", scriptsDirectory, other.scriptsDirectory, here, there);
        return differences;
    }

    private static void compare(List<String> differences, String what, String a, String b, String here,
                                String there) {
        if (!a.equals(b)) {
            differences.add(what + " '" + a + "' " + here + ", '" + b + "' " + there);
        }
    }
}
