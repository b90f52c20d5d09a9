package dev.rustwheel.goals.repair;

import dev.rustwheel.audit.linux.SearchPaths;
import dev.rustwheel.staging.FileIdentity;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelLayout;
import dev.rustwheel.wheel.PluginBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything that decides a repair's outcome, besides the files its verdict names, written out as one key: the
 * plugin itself (its policies and rules), the configuration, the layout, each artifact's path and file identity,
 * and what the loader's search depends on (its configuration files and every directory searched, whose
 * modification time changes when a library appears in it or goes). Two equal keys mean the same audit and plan.
 */
final class RepairInputs {

    private static final List<String> LOADER_FILES = List.of("/etc/ld.so.conf", "/etc/ld.so.conf.d",
            "/etc/ld.so.cache");

    private RepairInputs() {
    }

    /**
     * The key, or empty where some artifact's identity cannot be known (just written, or no file key).
     *
     * @param searched where the audit looks for libraries: {@code libraryPath} and {@code LD_LIBRARY_PATH} first
     */
    static Optional<String> of(StagingManifest manifest, RepairConfig config, WheelLayout layout,
            SearchPaths searched) throws IOException {
        StringBuilder key = new StringBuilder();
        key.append("plugin ").append(PluginBuild.id()).append('\n');
        key.append("compatibility ").append(config.compatibility()).append('\n');
        key.append("auditwheel ").append(config.auditwheel()).append('\n');
        key.append("exclude ").append(config.exclude()).append('\n');
        key.append("LD_LIBRARY_PATH ").append(config.ldLibraryPath()).append('\n');
        // fields spelled out: a record's own toString costs tens of milliseconds on its first call in a JVM
        key.append("layout ").append(String.join(" ", layout.bindings(), layout.moduleName(),
                layout.moduleDirectory(), layout.distribution(), layout.libsDirectory(), layout.scriptsDirectory()))
                .append('\n');
        for (StagedArtifact artifact : manifest.artifacts()) {
            Optional<FileIdentity> identity = FileIdentity.of(artifact.currentPath());
            if (identity.isEmpty()) {
                return Optional.empty();
            }
            key.append("artifact ").append(artifact.kind()).append(' ').append(artifact.currentPath()).append(' ')
                    .append(identity.get().fileKey()).append(' ').append(identity.get().size()).append(' ')
                    .append(identity.get().modified()).append('\n');
        }
        List<Path> loader = new ArrayList<>();
        for (String file : LOADER_FILES) {
            loader.add(Path.of(file));
        }
        loader.addAll(searched.ldLibraryPath());
        loader.addAll(searched.linkedPaths());
        loader.addAll(searched.confPaths());
        loader.addAll(searched.defaultPaths());
        for (Path path : loader) {
            key.append("searched ").append(stamp(path)).append('\n');
        }
        return Optional.of(key.toString());
    }

    /** A path with its size and modification time, or {@code absent}. */
    private static String stamp(Path path) throws IOException {
        if (!Files.exists(path)) {
            return path + " absent";
        }
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return path + " " + attributes.size() + " " + attributes.lastModifiedTime();
    }
}
