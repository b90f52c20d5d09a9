package dev.rustwheel.audit.platform;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.audit.LibraryExclusion;
import dev.rustwheel.audit.graft.BundledGraft;
import dev.rustwheel.audit.graft.GraftPlan;
import dev.rustwheel.audit.graft.GraftTarget;
import dev.rustwheel.audit.graft.MacosGraftPlanner;
import dev.rustwheel.audit.macos.MacosAuditReport;
import dev.rustwheel.audit.macos.MacosAuditor;
import dev.rustwheel.staging.GraftedLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * macOS: delocate's audit of the Mach-O files (the tag from the highest minimum macOS per architecture, the
 * libraries outside the system), and its repair: the libraries copied into {@code <dist>.libs/}, referenced
 * through {@code @loader_path}, patched slices re-signed ad hoc.
 */
public final class MacosPlatformAudit implements PlatformAudit {

    private final MacosAuditor auditor;
    private final String libraryPathParameter;
    private final LibraryExclusion exclusion;

    /**
     * @param libraryPath          directories searched by file name for libraries the install names do not locate
     * @param libraryPathParameter the parameter that sets {@code libraryPath}, with its property, for messages
     */
    public MacosPlatformAudit(List<Path> libraryPath, String libraryPathParameter, LibraryExclusion exclusion) {
        this.auditor = new MacosAuditor(libraryPath);
        this.libraryPathParameter = libraryPathParameter;
        this.exclusion = exclusion;
    }

    @Override
    public PlatformVerdict audit(List<Path> files, boolean grafting) throws AuditException, IOException {
        MacosAuditReport report = auditor.audit(files, Optional.empty());
        List<ExternalLibrary> external = report.external().stream()
                .filter(e -> !exclusion.excludes(e.soname(), e.path())).toList();
        List<String> tags = report.platformTags();
        if (grafting && external.stream().anyMatch(e -> e.path().isPresent())) {
            // a carried library may need a newer macOS than the module itself, as delocate's tag then says
            List<Path> all = new ArrayList<>(files);
            external.forEach(e -> e.path().ifPresent(all::add));
            tags = auditor.audit(all, Optional.empty()).platformTags();
        }
        return new PlatformVerdict("macosx", tags, ForeignWarnings.outside(external, grafting), Map.of(), external);
    }

    @Override
    public GraftPlan plan(List<GraftTarget> targets, List<ExternalLibrary> external, String libsDirectory,
            List<GraftedLibrary> previous) throws AuditException, IOException {
        BundledGraft.requireFound(external, libraryPathParameter);
        Map<Path, String> inWheel = new LinkedHashMap<>();
        for (GraftTarget target : targets) {
            String name = target.file().getFileName().toString();
            inWheel.put(target.file(), target.wheelDirectory().isEmpty() ? name : target.wheelDirectory() + "/" + name);
        }
        return BundledGraft.of(MacosGraftPlanner.plan(inWheel, external, libsDirectory, auditor), external, previous);
    }
}
