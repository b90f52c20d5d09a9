package dev.rustwheel.maven.parameters;

import dev.rustwheel.goals.repair.AuditwheelMode;
import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.wheel.zip.Compression;
import java.nio.file.Path;
import java.util.List;

/**
 * The shared parameters of {@code compile}, {@code repair} and {@code package}, each checked: what the core is
 * handed.
 *
 * @param pythonExecutables     the interpreters wheels are for, the one cargo builds for first; never empty
 * @param interpreterParameter  the parameter that named them, with its property and source, for messages
 * @param pyproject             the project's pyproject.toml (may not exist)
 * @param settings              the POM's layout settings, each winning over {@code [tool.maturin]} where set
 * @param compatibility         {@code auto}, {@code linux} or a known policy, optionally with an architecture
 * @param auditwheel            what repair does about libraries outside the policy's whitelist
 * @param auditwheelExclude     fnmatch patterns of libraries never to graft
 * @param compression           how the wheel's entries are compressed
 * @param compatibilityParameter the parameter that set {@code compatibility}, with its property and source
 * @param auditwheelParameter    the parameter that set {@code auditwheel}, with its property and source
 * @param wheelVersion           the configured version in PEP 440, winning over pyproject.toml and Cargo.toml; null
 *                               when none is configured
 * @param threads                how many threads deflate large entries; at least 1
 * @param sbom                   whether the wheel carries a CycloneDX SBOM
 */
public record WheelSettings(List<String> pythonExecutables, String interpreterParameter, Path pyproject,
                     MaturinSettings settings, String compatibility, AuditwheelMode auditwheel,
                     List<String> auditwheelExclude, Compression compression,
                     String compatibilityParameter, String auditwheelParameter, String wheelVersion, int threads,
                     boolean sbom) {

    public WheelSettings {
        pythonExecutables = List.copyOf(pythonExecutables);
        auditwheelExclude = List.copyOf(auditwheelExclude);
    }
}
