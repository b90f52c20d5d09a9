package dev.rustwheel.goals.repair;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.audit.LibraryExclusion;
import dev.rustwheel.audit.graft.GraftPlan;
import dev.rustwheel.audit.graft.GraftTarget;
import dev.rustwheel.audit.linux.PlatformDecision;
import dev.rustwheel.audit.linux.Policies;
import dev.rustwheel.audit.linux.Policy;
import dev.rustwheel.audit.linux.SearchPaths;
import dev.rustwheel.audit.platform.LinuxPlatformAudit;
import dev.rustwheel.audit.platform.MacosPlatformAudit;
import dev.rustwheel.audit.platform.PlatformAudit;
import dev.rustwheel.audit.platform.PlatformVerdict;
import dev.rustwheel.audit.platform.WindowsPlatformAudit;
import dev.rustwheel.binary.BinaryFileException;
import dev.rustwheel.binary.elf.patch.UnpatchableElfException;
import dev.rustwheel.binary.macho.UnpatchableMachOException;
import dev.rustwheel.binary.pe.UnpatchablePeException;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.ModuleState;
import dev.rustwheel.goals.NativeFile;
import dev.rustwheel.overlay.Overlay;
import dev.rustwheel.project.Bindings;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.project.ResolvedProject;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.AuditRecord;
import dev.rustwheel.staging.GraftedLibrary;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelLayout;
import dev.rustwheel.staging.store.RepairCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code repair} goal: audits the staged artifacts for the platform their format says (ELF against the
 * manylinux/musllinux policies and the requested compatibility, Mach-O as delocate, PE as delvewheel), picks the
 * platform tags, and (with {@code auditwheel = repair}) plans carrying the external libraries in the wheel.
 * Everything is recorded in the manifest for {@code package}: the verdict, the grafted libraries, and each file's edits as an overlay; no file is written but the manifest.
 * A request the artifacts cannot meet fails the build, after giving cargo its outputs back.
 */
public final class RepairStep {

    private final ModuleState state;
    private final RepairCache cache;
    private final BuildLog buildLog;
    /** What this repair logs, kept so that a later build reusing its outcome says the same. */
    private final List<RepairCache.LogLine> logged = new ArrayList<>();
    private final BuildLog log = new BuildLog() {
        @Override
        public void info(String message) {
            logged.add(new RepairCache.LogLine(false, message));
            buildLog.info(message);
        }

        @Override
        public void warn(String message) {
            logged.add(new RepairCache.LogLine(true, message));
            buildLog.warn(message);
        }

        @Override
        public void debug(String message) {
            buildLog.debug(message);
        }
    };

    public RepairStep(Path buildDirectory, BuildLog log) {
        this.state = new ModuleState(buildDirectory, log);
        this.cache = new RepairCache(StagingLayout.under(buildDirectory));
        this.buildLog = log;
    }

    public StagingManifest run(RepairConfig config) throws BuildException, ProjectException {
        StagingManifest manifest = state.require("repair");
        try {
            StagingManifest repaired = repair(manifest, config);
            state.write(repaired);
            return repaired;
        } catch (BuildException | ProjectException | RuntimeException e) {
            state.restoreAfter(e);
            throw e;
        }
    }

    /**
     * Reuses the previous repair's outcome when nothing that decides it changed (see {@link RepairInputs}): an
     * unchanged gigabyte library is then not read at all. Otherwise audits and plans, and keeps the outcome.
     */
    private StagingManifest repair(StagingManifest manifest, RepairConfig config) throws BuildException, ProjectException {
        WheelLayout layout = ResolvedProject.layout(config.pyproject(), config.settings(), manifest,
                NativeFile.INIT_EXPORT);
        StagingManifest clean = withoutRepairs(manifest).withLayout(layout);
        Optional<String> key;
        SearchPaths searched = null; // read once, for the key and the audit
        try {
            searched = SearchPaths.of(Path.of("/"), loaderPath(config.libraryPath(), config.ldLibraryPath()),
                    manifest.linkedPaths());
            key = RepairInputs.of(manifest, config, layout, searched);
        } catch (IOException e) {
            key = Optional.empty(); // audited as if nothing were kept
        }
        Optional<RepairCache.Kept> kept = key.isPresent() ? cache.read(key.get()) : Optional.empty();
        if (kept.isPresent() && kept.get().repaired().artifacts().size() == clean.artifacts().size()) {
            for (RepairCache.LogLine line : kept.get().log()) {
                if (line.warning()) {
                    buildLog.warn(line.message());
                } else {
                    buildLog.info(line.message());
                }
            }
            buildLog.info("Reused the previous repair's verdict: the artifacts and everything the audit reads are"
                    + " unchanged");
            return reuse(clean, kept.get().repaired());
        }
        StagingManifest repaired = decide(manifest, config, layout, clean, searched);
        Optional<List<Path>> dependencies = dependencies(repaired);
        if (key.isPresent() && dependencies.isPresent()) {
            cache.keep(key.get(), dependencies.get(), new RepairCache.Kept(repaired, logged));
        }
        return repaired;
    }

    /** {@code clean} with the verdict, grafts and overlays of an earlier repair of the same artifacts. */
    private static StagingManifest reuse(StagingManifest clean, StagingManifest repaired) {
        StagingManifest reused = clean.withAudit(repaired.audit()).withGrafted(repaired.grafted());
        for (int i = 0; i < repaired.artifacts().size(); i++) {
            Overlay edits = repaired.artifacts().get(i).overlay();
            if (edits != null) {
                reused = reused.withArtifact(i, a -> a.withOverlay(edits));
            }
        }
        return reused;
    }

    /**
     * The files besides the artifacts that a verdict named: the external libraries found and those grafted. Empty
     * when a library was not found, since it may appear anywhere before the next build.
     */
    private static Optional<List<Path>> dependencies(StagingManifest repaired) {
        List<Path> files = new ArrayList<>();
        for (String external : repaired.audit().externalLibraries()) {
            String path = external.substring(external.indexOf(" => ") + 4);
            if (!path.startsWith("/")) {
                return Optional.empty();
            }
            files.add(Path.of(path));
        }
        repaired.grafted().forEach(library -> files.add(library.sourcePath()));
        return Optional.of(files);
    }

    /** @param searched the loader's search paths, or null where they could not be read for the key */
    private StagingManifest decide(StagingManifest manifest, RepairConfig config, WheelLayout layout,
            StagingManifest clean, SearchPaths searched) throws BuildException, ProjectException {
        String compatibility = config.compatibility();
        List<Path> files = new ArrayList<>();
        for (StagedArtifact artifact : manifest.artifacts()) {
            files.add(artifact.currentPath());
        }
        NativeFormat format = format(files);
        boolean unaudited = config.auditwheel() == AuditwheelMode.SKIP || compatibility.equals(Policy.LINUX);
        if (unaudited && format == NativeFormat.ELF) {
            log.info((config.auditwheel() == AuditwheelMode.SKIP ? "auditwheel = skip" : "compatibility = linux")
                    + ": no audit, the wheel keeps the interpreter's platform tag");
            return clean.withAudit(new AuditRecord(compatibility, Policy.LINUX, List.of(), Map.of(), List.of()));
        }
        boolean grafting = config.auditwheel() == AuditwheelMode.REPAIR;
        PlatformAudit platform = platformAudit(format, manifest, config, searched);
        PlatformVerdict verdict = audit(platform, files, grafting && !unaudited);
        if (format != NativeFormat.ELF && !compatibility.equals(PlatformDecision.AUTO)
                && !compatibility.equals(Policy.LINUX)) {
            log.warn(config.compatibilityParameter() + " = " + compatibility + " applies to Linux wheels only; the "
                    + format.platform() + " binaries are tagged by their own platform's rules.");
        }
        if (unaudited) {
            // a cross-built binary is tagged for its platform, never the host's, even when nothing is checked
            log.info((config.auditwheel() == AuditwheelMode.SKIP ? "auditwheel = skip" : "compatibility = linux")
                    + ": no audit, the wheel is tagged " + String.join(".", verdict.platformTags())
                    + " as its " + format.platform() + " binary says");
            return clean.withAudit(new AuditRecord(compatibility, verdict.policy(), verdict.platformTags(), Map.of(),
                    List.of()));
        }
        List<ExternalLibrary> external = verdict.external();
        if (config.auditwheel() == AuditwheelMode.CHECK && !external.isEmpty()) {
            throw BuildException.userError("auditwheel = check, but the wheel would need these libraries grafted"
                    + " into it: " + external.stream().map(ExternalLibrary::describe).collect(Collectors.joining(", "))
                    + ". Set " + config.auditwheelParameter() + " to repair to graft them, link them statically, or exclude them"
                    + " (auditwheelExclude) if the target systems provide them.", null);
        }
        for (String warning : verdict.warnings()) {
            log.warn(warning);
        }
        log.info("Platform tag " + String.join(".", verdict.platformTags()) + " (" + verdict.policy() + ")");
        List<String> externalLibraries = new ArrayList<>();
        for (ExternalLibrary library : external) {
            externalLibraries.add(library.soname() + " => "
                    + (library.path().isPresent() ? library.path().get().toString() : "not found"));
        }
        StagingManifest audited = clean.withAudit(new AuditRecord(compatibility, verdict.policy(),
                verdict.platformTags(), verdict.highestVersions(), externalLibraries));
        return grafting && !external.isEmpty()
                ? graft(audited, layout, platform, format, external, manifest.grafted()) : audited;
    }

    /**
     * The one place that picks a platform's audit, by the format of the module's binaries: the host does not
     * matter, so a module cross-built for Windows or macOS is repaired as delvewheel or delocate would.
     */
    private static PlatformAudit platformAudit(NativeFormat format, StagingManifest manifest, RepairConfig config,
            SearchPaths searched) throws BuildException {
        LibraryExclusion exclusion = new LibraryExclusion(config.exclude());
        List<Path> directories = new ArrayList<>(config.libraryPath());
        return switch (format) {
            case ELF -> {
                // read again where the key could not read them: this time the failure is the build's
                yield new LinuxPlatformAudit(Policies.bundled(), searched != null ? searched
                        : searchPaths(config.libraryPath(), config.ldLibraryPath(), manifest.linkedPaths()),
                        exclusion, config.compatibility(), config.compatibilityParameter(), Optional.empty());
            }
            case MACHO -> {
                directories.addAll(manifest.linkedPaths());
                yield new MacosPlatformAudit(directories, config.libraryPathParameter(), exclusion);
            }
            case PE -> {
                directories.addAll(manifest.linkedPaths()); // where the build linked the DLLs' import libraries
                yield new WindowsPlatformAudit(directories, config.libraryPathParameter(), exclusion,
                        Optional.empty());
            }
        };
    }

    /** The loader's search paths with {@code libraryPath} first, then {@code LD_LIBRARY_PATH}. */
    static SearchPaths searchPaths(List<Path> libraryPath, String ldLibraryPath, List<Path> linkedPaths)
            throws BuildException {
        try {
            return SearchPaths.of(Path.of("/"), loaderPath(libraryPath, ldLibraryPath), linkedPaths);
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot read the loader's configuration (/etc/ld.so.conf): " + e, e);
        }
    }

    /** {@code libraryPath} and then {@code LD_LIBRARY_PATH}, as one search path; null when both are empty. */
    private static String loaderPath(List<Path> libraryPath, String ldLibraryPath) {
        return libraryPath.isEmpty() ? ldLibraryPath
                : libraryPath.stream().map(Path::toString).collect(Collectors.joining(":"))
                        + (ldLibraryPath == null ? "" : ":" + ldLibraryPath);
    }

    /** The format all the module's binaries share. */
    private static NativeFormat format(List<Path> files) throws BuildException {
        Map<NativeFormat, Path> formats = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                Optional<NativeFormat> format = NativeFormat.of(file);
                if (format.isEmpty()) {
                    throw BuildException.userError(file + " is neither ELF, Mach-O nor PE, so no wheel platform"
                            + " follows from it. Rebuild it (mvn clean package), or check what wrote it.", null);
                }
                formats.putIfAbsent(format.get(), file);
            } catch (IOException e) {
                throw BuildException.toolFailure("Cannot read " + file + ": " + e, e);
            }
        }
        if (formats.size() > 1) {
            throw BuildException.userError("The module's binaries are built for different platforms: " + formats
                    + "; a wheel targets one. Build them all for the same target.", null);
        }
        return formats.keySet().iterator().next();
    }

    private static PlatformVerdict audit(PlatformAudit platform, List<Path> files, boolean grafting)
            throws BuildException {
        try {
            return platform.audit(files, grafting);
        } catch (AuditException e) {
            throw BuildException.userError(e.getMessage(), e);
        } catch (BinaryFileException e) {
            throw BuildException.userError("Cannot audit " + e.file() + ": " + e.problem()
                    + ". Rebuild it (mvn clean package), or check what wrote it.", e);
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot audit " + files + ": " + e, e);
        }
    }

    /** @param previous what the previous repair grafted: its digests hold for the files that did not change */
    private StagingManifest graft(StagingManifest manifest, WheelLayout layout, PlatformAudit platform,
            NativeFormat format, List<ExternalLibrary> external, List<GraftedLibrary> previous)
            throws BuildException, ProjectException {
        Bindings bindings = Bindings.valueOf(layout.bindings());
        List<GraftTarget> targets = new ArrayList<>();
        for (StagedArtifact artifact : manifest.artifacts()) {
            if (bindings != Bindings.BIN && artifact.kind() == ArtifactKind.CDYLIB) {
                targets.add(new GraftTarget(artifact.currentPath(), layout.moduleDirectory(), true));
                break; // the wheel carries the first cdylib only
            }
            if (bindings == Bindings.BIN && artifact.kind() == ArtifactKind.BIN && format != NativeFormat.ELF) {
                throw BuildException.userError(artifact.currentPath() + " needs libraries the wheel would carry ("
                        + external.stream().map(ExternalLibrary::soname).collect(Collectors.joining(", "))
                        + "), which bindings = bin supports for Linux executables only so far. Link them statically,"
                        + " or set the parameter auditwheel to warn.", null);
            }
            if (bindings == Bindings.BIN && artifact.kind() == ArtifactKind.BIN) {
                // beside <dist>.libs, behind a shim: the scripts directory's path to site-packages varies by scheme
                targets.add(new GraftTarget(artifact.currentPath(), layout.scriptsDirectory(), false));
            }
        }
        GraftPlan plan = plan(platform, targets, external, layout.libsDirectory(), previous);
        StagingManifest repaired = manifest.withGrafted(plan.libraries());
        for (int i = 0; i < manifest.artifacts().size(); i++) {
            Overlay edits = plan.edits().get(manifest.artifacts().get(i).currentPath());
            if (edits != null) {
                repaired = repaired.withArtifact(i, a -> a.withOverlay(edits));
            }
        }
        for (GraftedLibrary library : plan.libraries()) {
            log.info("Grafting " + String.join(", ", library.sonames()) + " (" + library.sourcePath() + ") as "
                    + library.archivePath());
        }
        return repaired;
    }

    private static GraftPlan plan(PlatformAudit platform, List<GraftTarget> targets, List<ExternalLibrary> external,
            String libsDirectory, List<GraftedLibrary> previous) throws BuildException {
        try {
            return platform.plan(targets, external, libsDirectory, previous);
        } catch (AuditException e) {
            throw BuildException.userError(e.getMessage(), e);
        } catch (UnpatchableElfException | UnpatchableMachOException | UnpatchablePeException e) {
            throw BuildException.userError("Cannot graft libraries for " + e.file() + ": " + e.problem()
                    + ". Link the libraries it needs statically, or set the parameter auditwheel to warn.", e);
        } catch (BinaryFileException e) {
            throw BuildException.userError("Cannot repair " + e.file() + ": " + e.problem()
                    + ". Rebuild it (mvn clean package), or check what wrote it.", e);
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot plan the repair of " + targets + ": " + e, e);
        }
    }

    /** The manifest as compile and stage left it: a repair of an earlier run must not outlive a new decision. */
    private static StagingManifest withoutRepairs(StagingManifest manifest) {
        StagingManifest clean = manifest.withGrafted(List.of());
        for (int i = 0; i < manifest.artifacts().size(); i++) {
            if (manifest.artifacts().get(i).overlay() != null) {
                clean = clean.withArtifact(i, a -> a.withOverlay(null));
            }
        }
        return clean;
    }
}
