package dev.rustwheel.goals.repair;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * How {@code repair} repairs a wheel given to it (as {@code delocate-wheel} and {@code delvewheel repair} do),
 * instead of the module's build.
 *
 * @param wheel          the wheel, or a directory holding exactly one
 * @param wheelDirectory where the repaired wheel is written
 * @param auditwheel     what to do about libraries the wheel needs but does not carry
 * @param exclude        fnmatch patterns (name or path) of libraries never to bundle
 * @param libraryPath    directories searched for those libraries
 * @param libraryPathParameter the parameter that sets {@code libraryPath}, with its property, for messages
 * @param mtime          the time stamp of every entry of the repaired wheel
 * @param compatibility  for a Linux wheel: {@code auto} or the policy it must meet, as {@code auditwheel repair
 *                       --plat}
 * @param compatibilityParameter the parameter that set it, with its property and source, for messages
 * @param ldLibraryPath  for a Linux wheel: the build's {@code LD_LIBRARY_PATH} (may be null), searched after
 *                       {@code libraryPath}
 */
public record WheelRepairConfig(Path wheel, Path wheelDirectory, AuditwheelMode auditwheel, List<String> exclude,
        List<Path> libraryPath, String libraryPathParameter, FileTime mtime, String compatibility,
        String compatibilityParameter, String ldLibraryPath) {

    public WheelRepairConfig {
        exclude = List.copyOf(exclude);
        libraryPath = List.copyOf(libraryPath);
    }

    /** For the most compatible Linux policy the wheel meets, libraries searched in {@code libraryPath} only. */
    public WheelRepairConfig(Path wheel, Path wheelDirectory, AuditwheelMode auditwheel, List<String> exclude,
            List<Path> libraryPath, FileTime mtime) {
        this(wheel, wheelDirectory, auditwheel, exclude, libraryPath, "parameter libraryPath", mtime, "auto",
                "parameter compatibility", null);
    }
}
