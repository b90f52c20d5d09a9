package dev.rustwheel.staging;

import java.nio.file.Path;

/** The crate a manifest's artifacts came from, as cargo reported it. */
public record CrateInfo(Path manifestPath, String name, String version) {
}
