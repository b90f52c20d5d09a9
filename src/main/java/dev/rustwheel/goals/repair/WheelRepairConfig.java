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
 * @param mtime          the time stamp of every entry of the repaired wheel
 */
public record WheelRepairConfig(Path wheel, Path wheelDirectory, AuditwheelMode auditwheel, List<String> exclude,
        List<Path> libraryPath, FileTime mtime) {

    public WheelRepairConfig {
        exclude = List.copyOf(exclude);
        libraryPath = List.copyOf(libraryPath);
    }
}
