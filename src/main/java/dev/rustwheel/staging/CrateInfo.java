package dev.rustwheel.staging;

import java.nio.file.Path;

/**
 * The crate a manifest's artifacts came from, as cargo reported it.
 *
 * @param targetDirectory cargo's target directory, whose lock every goal that moves files in it takes; absent
 *                        ({@code null}) in manifests written before it was recorded
 */
public record CrateInfo(Path manifestPath, String name, String version, Path targetDirectory) {

    public CrateInfo(Path manifestPath, String name, String version) {
        this(manifestPath, name, version, null);
    }
}
