package dev.rustwheel.audit.platform;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.audit.LibraryExclusion;
import dev.rustwheel.audit.graft.BundledGraft;
import dev.rustwheel.audit.graft.GraftPlan;
import dev.rustwheel.audit.graft.GraftTarget;
import dev.rustwheel.audit.graft.WindowsGraftPlanner;
import dev.rustwheel.audit.windows.WindowsAuditReport;
import dev.rustwheel.audit.windows.WindowsAuditor;
import dev.rustwheel.staging.GraftedLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Windows: delvewheel's audit of the PE files (the tag from their machine, the DLLs that are neither the system's
 * nor the interpreter's), and its repair: the DLLs copied under mangled names and the import tables rewritten.
 * A module build places them beside the module that imports them, in the directory Python's loader searches for
 * a module's dependencies ({@code LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR}), so no {@code __init__.py} needs patching.
 */
public final class WindowsPlatformAudit implements PlatformAudit {

    private final List<Path> libraryPath;
    private final String libraryPathParameter;
    private final LibraryExclusion exclusion;
    private final Optional<String> pythonTag;

    /**
     * @param libraryPath          directories searched for DLLs, in order
     * @param libraryPathParameter the parameter that sets {@code libraryPath}, with its property, for messages
     * @param pythonTag            the Python tag the wheel is for ({@code cp312}), if known: it decides the runtime
     *                             DLLs the interpreter brings
     */
    public WindowsPlatformAudit(List<Path> libraryPath, String libraryPathParameter, LibraryExclusion exclusion,
            Optional<String> pythonTag) {
        this.libraryPath = List.copyOf(libraryPath);
        this.libraryPathParameter = libraryPathParameter;
        this.exclusion = exclusion;
        this.pythonTag = pythonTag;
    }

    @Override
    public PlatformVerdict audit(List<Path> files, boolean grafting) throws AuditException, IOException {
        Map<String, Path> own = new LinkedHashMap<>();
        files.forEach(f -> own.putIfAbsent(f.getFileName().toString().toLowerCase(Locale.ROOT), f));
        WindowsAuditReport report = new WindowsAuditor(libraryPath, libraryPathParameter, pythonTag).audit(files, own);
        List<ExternalLibrary> external = report.external().stream()
                .filter(e -> !exclusion.excludes(e.soname(), e.path())).toList();
        return new PlatformVerdict("windows", List.of(report.platformTag()),
                ForeignWarnings.outside(external, grafting), Map.of(), external);
    }

    @Override
    public GraftPlan plan(List<GraftTarget> targets, List<ExternalLibrary> external, String libsDirectory,
            List<GraftedLibrary> previous) throws AuditException, IOException {
        BundledGraft.requireFound(external, libraryPathParameter);
        List<String> directories = targets.stream().map(GraftTarget::wheelDirectory).distinct().toList();
        if (directories.size() != 1) {
            throw new AuditException("The wheel's native files lie in " + directories + ", but the DLLs they need"
                    + " can lie beside one directory only. Link the DLLs statically, or exclude them"
                    + " (auditwheelExclude) and ship them another way.");
        }
        List<Path> files = targets.stream().map(GraftTarget::file).toList();
        return BundledGraft.of(WindowsGraftPlanner.plan(files, external, directories.get(0)), external, previous);
    }
}
