package dev.rustwheel.goals.packaging;

import dev.rustwheel.goals.PythonExecutables;
import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.wheel.zip.Compression;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * How the {@code package} goal writes the wheel.
 *
 * @param pythonExecutables   the interpreters wheels are for, each probed once for its tags and extension suffix;
 *                            the first is the one cargo built for (see {@link PythonExecutables})
 * @param interpreterParameter the parameter that names them, with its property and source, for messages
 * @param pyproject           the project's {@code pyproject.toml} (may not exist); its directory is the project
 *                            directory that layout paths are relative to
 * @param settings            the POM's layout settings, each winning over {@code [tool.maturin]} where set
 * @param wheelDirectory      where the wheel is written
 * @param entryTime           the modification time of every entry, for reproducible archives
 * @param compression         how entries are compressed
 * @param threads             how many threads deflate large entries; the wheel's bytes do not depend on it
 * @param generatorVersion    the plugin version the WHEEL file names as its generator
 * @param finalizeAfterwards  whether to give cargo its outputs back right after writing the wheel, because no
 *                            later goal of this build will
 * @param sbom                whether the wheel carries a CycloneDX SBOM in {@code .dist-info/sboms/}
 * @param version             the wheel's version as the build configures it (PEP 440, normalized), winning over
 *                            pyproject.toml and Cargo.toml; null to take it from them
 * @param pomVersion          the project's Maven version, to warn when it and the wheel's differ; null outside Maven
 * @param versionParameter    the parameter that sets {@code version}, with its property, for that warning
 */
public record PackageConfig(
        List<String> pythonExecutables, String interpreterParameter, Path pyproject, MaturinSettings settings,
        Path wheelDirectory, FileTime entryTime, Compression compression, int threads, String generatorVersion,
        boolean finalizeAfterwards, boolean sbom, String version, String pomVersion,
        String versionParameter) {

    public PackageConfig {
        pythonExecutables = List.copyOf(pythonExecutables);
    }
}
