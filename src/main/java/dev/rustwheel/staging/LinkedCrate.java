package dev.rustwheel.staging;

import java.util.List;

/**
 * A crate the build pulled in, as compile recorded it for the wheel's SBOM.
 *
 * @param id        cargo's package id
 * @param source    where cargo took it from; null for a path package
 * @param license   the SPDX expression its Cargo.toml states, or null
 * @param runtime   whether its code is in the built artifact (false: only build scripts use it)
 * @param dependsOn the ids of the crates it uses
 */
public record LinkedCrate(String id, String name, String version, String source, String license, boolean runtime,
                          List<String> dependsOn) {

    public LinkedCrate {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
}
