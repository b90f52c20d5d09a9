package dev.rustwheel.cargo;

import java.nio.file.Path;

/**
 * Where a crate sits in its cargo workspace, as {@code cargo metadata} reports it.
 *
 * @param rootPackage     the package whose Cargo.toml was asked for
 * @param targetDirectory where cargo writes the outputs of every member of the workspace
 */
public record CargoWorkspace(CargoPackage rootPackage, Path targetDirectory) {
}
