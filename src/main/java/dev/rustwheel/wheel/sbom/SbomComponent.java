package dev.rustwheel.wheel.sbom;

import java.util.List;

/**
 * One component of a wheel's SBOM.
 *
 * @param ref       its reference within the SBOM, unique, which {@code dependsOn} of other components names
 * @param version   null where unknown
 * @param purl      its package URL, null where it has none
 * @param license   an SPDX license expression, null where none is stated
 * @param sha256    hex digest of the file it stands for, null for a package
 * @param runtime   whether its code is part of what the wheel installs (CycloneDX scope {@code required}) or was
 *                  only used to build it ({@code excluded})
 * @param dependsOn the refs of the components it uses
 */
public record SbomComponent(String ref, String name, String version, String purl, String license, String sha256,
                            boolean runtime, List<String> dependsOn) {

    public SbomComponent {
        dependsOn = List.copyOf(dependsOn);
    }
}
