package dev.rustwheel.audit.graft;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.overlay.Overlay;
import dev.rustwheel.staging.GraftedLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the macOS and Windows planners' bundles become in a module build: grafted libraries recorded in the
 * manifest (with the digest that tells a rebuild they are unchanged) and the edits of the module's own files.
 */
public final class BundledGraft {

    private BundledGraft() {
    }

    /**
     * Refuses to plan with libraries nothing on the library path provides.
     *
     * @param libraryPathParameter the parameter that sets the library path, with its property, for the message
     */
    public static void requireFound(List<ExternalLibrary> external, String libraryPathParameter)
            throws AuditException {
        List<ExternalLibrary> missing = external.stream().filter(e -> e.path().isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new AuditException("Cannot find " + missing.stream().map(ExternalLibrary::describe)
                    .collect(Collectors.joining(", ")) + ", so the wheel cannot carry it. Name the directories"
                    + " holding them in " + libraryPathParameter + ", or exclude them (auditwheelExclude) if"
                    + " the target systems provide them.");
        }
    }

    /**
     * @param external the libraries bundled, which tell the names each copy was needed under
     * @param previous what the previous repair carried, whose digests hold for unchanged files
     */
    public static GraftPlan of(BundledLibraries bundled, List<ExternalLibrary> external, List<GraftedLibrary> previous)
            throws IOException {
        Map<Path, GraftedLibrary> recorded = new LinkedHashMap<>();
        previous.forEach(library -> recorded.put(library.sourcePath(), library));
        List<GraftedLibrary> libraries = new ArrayList<>();
        for (BundledLibraries.Copy copy : bundled.copies()) {
            Path source = copy.source();
            List<String> names = external.stream().filter(e -> e.path().map(p -> sameFile(p, source)).orElse(false))
                    .map(ExternalLibrary::soname).distinct().toList();
            SourceDigest digest = SourceDigest.of(source, recorded.get(source));
            Overlay overlay = bundled.edits().getOrDefault(source, Overlay.identity(digest.size()));
            libraries.add(new GraftedLibrary(names, source, copy.archivePath(), digest.sha256(), digest.size(),
                    digest.modified(), overlay));
        }
        Map<Path, Overlay> edits = new LinkedHashMap<>(bundled.edits());
        bundled.copies().forEach(c -> edits.remove(c.source()));
        return new GraftPlan(libraries, edits);
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
