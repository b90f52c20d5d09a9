package dev.rustwheel.audit;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A needed library the policy does not whitelist, so the wheel would have to carry it.
 *
 * @param soname   its DT_NEEDED name
 * @param path     where it resolves, empty when nothing on the search path provides it
 * @param neededBy the file whose DT_NEEDED names it first
 */
public record ExternalLibrary(String soname, Optional<Path> path, Path neededBy) {

    /** {@code libfoo.so.1 => /opt/foo/lib/libfoo.so.1 (needed by /x/libdemo.so)}, as ldd prints it. */
    public String describe() {
        return soname + " => " + path.map(Path::toString).orElse("not found") + " (needed by " + neededBy + ")";
    }
}
