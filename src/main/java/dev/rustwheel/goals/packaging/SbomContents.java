package dev.rustwheel.goals.packaging;

import dev.rustwheel.project.pyproject.ProjectMetadata;
import dev.rustwheel.staging.GraftedLibrary;
import dev.rustwheel.staging.LinkedCrate;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.wheel.sbom.SbomComponent;
import dev.rustwheel.wheel.sbom.SbomDocument;
import dev.rustwheel.wheel.entry.WheelEntry;
import dev.rustwheel.wheel.zip.WheelWriter;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a wheel's SBOM lists, from what compile and repair recorded: the wheel as the root; the crate and every crate
 * its build pulls in, with the dependency graph; each grafted library with its file name, digest and, where the
 * system's package manager knows it, the package that installed it.
 */
final class SbomContents {

    private final SystemPackages systemPackages;

    SbomContents(SystemPackages systemPackages) {
        this.systemPackages = systemPackages;
    }

    /**
     * The SBOM as a {@code .dist-info} file, named after the crate as maturin names it; rendered only if the wheel
     * writer cannot reuse the previous wheel's (see {@link SbomDocument}).
     */
    WheelEntry entry(StagingManifest manifest, ProjectMetadata metadata, String wheelFileName, FileTime entryTime,
                     String toolVersion) {
        List<SbomComponent> components = new ArrayList<>();
        List<String> wheelUses = new ArrayList<>();
        Map<String, String> refs = crateRefs(manifest.crate().linkedCrates());
        for (LinkedCrate crate : manifest.crate().linkedCrates()) {
            components.add(new SbomComponent(refs.get(crate.id()), crate.name(), crate.version(),
                    Purls.cargo(crate.name(), crate.version()), spdx(crate.license()), null, crate.runtime(),
                    dependencies(crate, refs)));
        }
        if (!components.isEmpty()) {
            wheelUses.add(components.get(0).ref());
        }
        for (GraftedLibrary library : manifest.grafted()) {
            Optional<SystemPackages.SystemPackage> owner = systemPackages.owner(library.sourcePath());
            components.add(new SbomComponent(library.archivePath(), library.fileName(),
                    owner.map(SystemPackages.SystemPackage::version).orElse(null),
                    owner.map(SystemPackages.SystemPackage::purl).orElse(null), null, library.sha256(), true,
                    List.of()));
            wheelUses.add(library.archivePath());
        }
        String name = metadata.name().normalized();
        String wheelPurl = Purls.pypi(name, metadata.version(), wheelFileName);
        SbomComponent wheel = new SbomComponent(wheelPurl, metadata.name().value(), metadata.version(), wheelPurl,
                null, null, true, wheelUses);
        return new WheelEntry(SbomDocument.path(manifest.crate().name()),
                new SbomDocument(wheel, components, toolVersion, fixedTime(entryTime)).content(), false);
    }

    /** The refs of the crates {@code crate} depends on; a loop, where a stream's lambdas cost package classes. */
    private static List<String> dependencies(LinkedCrate crate, Map<String, String> refs) {
        List<String> dependencies = new ArrayList<>();
        for (String id : crate.dependsOn()) {
            String ref = refs.get(id);
            if (ref != null) {
                dependencies.add(ref);
            }
        }
        return List.copyOf(dependencies);
    }

    /** Each crate's purl as its ref; the cargo package id where two crates share a purl (same name and version). */
    private static Map<String, String> crateRefs(List<LinkedCrate> crates) {
        Set<String> seen = new HashSet<>();
        Set<String> shared = new HashSet<>();
        for (LinkedCrate crate : crates) {
            if (!seen.add(Purls.cargo(crate.name(), crate.version()))) {
                shared.add(Purls.cargo(crate.name(), crate.version()));
            }
        }
        Map<String, String> refs = new HashMap<>();
        for (LinkedCrate crate : crates) {
            String purl = Purls.cargo(crate.name(), crate.version());
            refs.put(crate.id(), shared.contains(purl) ? crate.id() : purl);
        }
        return refs;
    }

    /** Cargo still accepts the old {@code MIT/Apache-2.0}, which SPDX spells {@code MIT OR Apache-2.0}. */
    static String spdx(String license) {
        return license == null || license.isBlank() ? null : license.replaceAll("\\s*/\\s*", " OR ");
    }

    /** A time only where the build fixed one (outputTimestamp, SOURCE_DATE_EPOCH): the default is not a real date. */
    private static Optional<Instant> fixedTime(FileTime entryTime) {
        return entryTime.equals(WheelWriter.ZIP_EPOCH) ? Optional.empty() : Optional.of(entryTime.toInstant());
    }
}
