package dev.rustwheel.cargo;

import java.util.List;

/**
 * One package of the resolved dependency graph, as {@code cargo metadata} reports it.
 *
 * @param id        cargo's package id, unique within the graph
 * @param source    where it comes from ({@code registry+https://…}, {@code git+…}); null for a path package
 * @param license   the SPDX expression Cargo.toml states; null when it states none
 * @param runtime   whether it is reached through normal dependencies, so its code ends up in the built
 *                  artifact; false for crates only build scripts use
 * @param dependsOn the ids of the packages it uses through normal or build dependencies, sorted
 */
public record CargoCrate(String id, String name, String version, String source, String license, boolean runtime,
                         List<String> dependsOn) {

    public CargoCrate {
        dependsOn = List.copyOf(dependsOn);
    }
}
