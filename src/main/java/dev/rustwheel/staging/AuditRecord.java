package dev.rustwheel.staging;

import java.util.List;
import java.util.Map;

/**
 * The {@code repair} goal's verdict on the staged artifacts, for {@code package} and for people reading the
 * manifest.
 *
 * @param compatibility    what was requested: {@code auto}, {@code linux} or a policy name
 * @param policy           the policy the wheel is tagged for ({@code manylinux_2_17}, or {@code linux})
 * @param platformTags     the wheel's platform tags, most compatible first ({@code manylinux_2_17_x86_64},
 *                         {@code manylinux2014_x86_64}); empty to keep the interpreter's own
 * @param highestVersions  per symbol version prefix, the highest version required and by which file
 * @param externalLibraries needed libraries outside the policy's whitelist, as {@code soname => path}
 */
public record AuditRecord(String compatibility, String policy, List<String> platformTags,
        Map<String, String> highestVersions, List<String> externalLibraries) {

    public AuditRecord {
        platformTags = List.copyOf(platformTags);
        highestVersions = Map.copyOf(highestVersions);
        externalLibraries = List.copyOf(externalLibraries);
    }
}
