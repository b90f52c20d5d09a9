package dev.rustwheel.build;

import dev.rustwheel.wheel.Compression;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * How the {@code package} goal writes the wheel.
 *
 * @param pythonExecutable    the interpreter the wheel is for, probed once for its tags and extension suffix
 * @param pyproject           the project's {@code pyproject.toml} (may not exist); its directory is the project
 *                            directory that layout paths are relative to
 * @param settings            the POM's layout settings, each winning over {@code [tool.maturin]} where set
 * @param wheelDirectory      where the wheel is written
 * @param entryTime           the modification time of every entry, for reproducible archives
 * @param compression         how entries are compressed
 * @param generatorVersion    the plugin version the WHEEL file names as its generator
 * @param finalizeAfterwards  whether to give cargo its outputs back right after writing the wheel, because no
 *                            later goal of this build will
 */
public record PackageConfig(
        String pythonExecutable, Path pyproject, MaturinSettings settings, Path wheelDirectory, FileTime entryTime,
        Compression compression, String generatorVersion, boolean finalizeAfterwards) {
}
