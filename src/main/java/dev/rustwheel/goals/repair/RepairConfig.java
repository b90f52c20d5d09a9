package dev.rustwheel.goals.repair;

import dev.rustwheel.project.pyproject.MaturinSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * How the {@code repair} goal audits and repairs the staged artifacts.
 *
 * @param compatibility {@code auto}, {@code linux}, or a policy such as {@code manylinux_2_17} or
 *                      {@code manylinux2014} that the wheel must meet
 * @param ldLibraryPath the build's {@code LD_LIBRARY_PATH} (may be null), searched for needed libraries
 * @param auditwheel    what to do about libraries outside the policy's whitelist
 * @param exclude       fnmatch patterns (soname or path) of libraries never to graft
 * @param pyproject     the project's {@code pyproject.toml} (may not exist), for the distribution and module names
 *                      that place the module and {@code <dist>.libs} in the wheel
 * @param compatibilityParameter the parameter that set {@code compatibility}, with its property and source
 * @param auditwheelParameter    the parameter that set {@code auditwheel}, with its property and source
 * @param settings      the POM's layout settings ({@code moduleName}, {@code bindings}), winning over
 *                      {@code [tool.maturin]}
 * @param libraryPath   directories searched first for the libraries the artifacts need (for a cross-built
 *                      module, where the target's libraries are), then the platform's own places
 * @param libraryPathParameter the parameter that sets {@code libraryPath}, with its property, for messages
 */
public record RepairConfig(String compatibility, String ldLibraryPath, AuditwheelMode auditwheel,
        List<String> exclude, Path pyproject, MaturinSettings settings, String compatibilityParameter,
        String auditwheelParameter, List<Path> libraryPath, String libraryPathParameter) {

    public RepairConfig {
        exclude = List.copyOf(exclude);
        libraryPath = List.copyOf(libraryPath);
    }
}
