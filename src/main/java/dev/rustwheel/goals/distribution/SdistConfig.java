package dev.rustwheel.goals.distribution;

import dev.rustwheel.cargo.CargoBuildRequest;
import dev.rustwheel.project.pyproject.MaturinSettings;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * How the {@code sdist} goal writes the source distribution.
 *
 * @param cargo           the crate and how to run cargo ({@code cargo metadata}, {@code cargo package --list});
 *                        nothing is built
 * @param pyproject       the project's {@code pyproject.toml} (may not exist)
 * @param settings        the POM's layout settings, winning over {@code [tool.maturin]}
 * @param outputDirectory where {@code <name>-<version>.tar.gz} is written
 * @param entryTime       the time stamped on every entry
 * @param version         the configured version (PEP 440), winning over pyproject.toml and Cargo.toml in the file
 *                        name, PKG-INFO and the sdist's pyproject.toml; null for theirs
 * @param cargoParameter  the parameter that names the cargo program, with its property, for messages
 */
public record SdistConfig(CargoBuildRequest cargo, Path pyproject, MaturinSettings settings, Path outputDirectory,
                          FileTime entryTime, String version, String cargoParameter) {
}
