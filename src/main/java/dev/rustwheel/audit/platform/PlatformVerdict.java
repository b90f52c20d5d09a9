package dev.rustwheel.audit.platform;

import dev.rustwheel.audit.ExternalLibrary;
import java.util.List;
import java.util.Map;

/**
 * A platform's verdict on a module's native files.
 *
 * @param policy          the policy or platform the wheel is tagged for ({@code manylinux_2_17}, {@code linux},
 *                        {@code macosx}, {@code windows})
 * @param platformTags    the wheel's platform tags, most compatible first
 * @param warnings        what the user should know (a weaker tag than hoped for, libraries left outside)
 * @param highestVersions per symbol version prefix, the highest version required and by which file (ELF only)
 * @param external        the libraries the wheel would have to carry, after the exclusions
 */
public record PlatformVerdict(String policy, List<String> platformTags, List<String> warnings,
        Map<String, String> highestVersions, List<ExternalLibrary> external) {

    public PlatformVerdict {
        platformTags = List.copyOf(platformTags);
        warnings = List.copyOf(warnings);
        highestVersions = Map.copyOf(highestVersions);
        external = List.copyOf(external);
    }
}
