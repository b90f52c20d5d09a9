package dev.rustwheel.cargo;

import dev.rustwheel.staging.LinkedCrate;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a crate sits in its cargo workspace, as {@code cargo metadata} reports it.
 *
 * @param rootPackage     the package whose Cargo.toml was asked for
 * @param targetDirectory where cargo writes the outputs of every member of the workspace
 * @param crates          the root package and every crate its build pulls in, for the wheel's SBOM
 */
public record CargoWorkspace(CargoPackage rootPackage, Path targetDirectory, List<LinkedCrate> crates) {

    public CargoWorkspace {
        crates = List.copyOf(crates);
    }
}
