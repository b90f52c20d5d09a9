package dev.rustwheel.goals.packaging;

import dev.rustwheel.python.InvalidVersionException;
import dev.rustwheel.python.MavenVersions;
import java.util.Optional;

/**
 * Warns when the wheel and the POM carry different versions and the build chose neither, because release tools
 * (maven-release-plugin, CI-friendly {@code ${revision}}) bump the POM's version and would silently leave the wheel's.
 */
final class VersionAlignment {

    private VersionAlignment() {
    }

    /**
     * @param pomVersion      the project's Maven version
     * @param wheelVersion    the wheel's PEP 440 version
     * @param versionOverride  the version the build configured, or null
     * @param versionParameter the parameter that configures it, with its property, for the warning
     * @return the warning, if one is due
     */
    static Optional<String> warning(String pomVersion, String wheelVersion, String versionOverride,
                                    String versionParameter) {
        if (versionOverride != null || pomVersion == null) {
            return Optional.empty();
        }
        String pep440;
        try {
            pep440 = MavenVersions.toPep440(pomVersion);
        } catch (InvalidVersionException e) {
            pep440 = null;
        }
        if (wheelVersion.equals(pep440)) {
            return Optional.empty();
        }
        return Optional.of("The wheel's version " + wheelVersion + " (from pyproject.toml or Cargo.toml) differs from"
                + " the POM's version " + pomVersion + (pep440 == null ? "" : " (" + pep440 + " in PEP 440)")
                + ", so releasing the POM will not change the wheel. Set " + versionParameter + " to"
                + " ${project.version} to build the wheel with the POM's version, or to " + wheelVersion
                + " to keep it and silence this warning.");
    }
}
