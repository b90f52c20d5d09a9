package dev.rustwheel.cargo;

import java.nio.file.Path;

/**
 * A file cargo reported building for the root package.
 *
 * @param kind  {@code cdylib} or {@code bin}
 * @param name  the target's name as cargo reports it
 * @param path  the file, from cargo's {@code filenames} (never guessed)
 * @param fresh cargo's own verdict that it was already up to date
 */
public record CargoArtifact(String kind, String name, Path path, boolean fresh) {
}
