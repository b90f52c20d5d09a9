package dev.rustwheel.goals.repair;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.audit.LibraryExclusion;
import dev.rustwheel.audit.graft.GraftPlan;
import dev.rustwheel.audit.graft.GraftPlanner;
import dev.rustwheel.audit.graft.GraftTarget;
import dev.rustwheel.audit.linux.AuditReport;
import dev.rustwheel.audit.linux.PlatformDecision;
import dev.rustwheel.audit.linux.Policies;
import dev.rustwheel.audit.linux.Policy;
import dev.rustwheel.audit.linux.VersionUse;
import dev.rustwheel.binary.elf.ElfFormatException;
import dev.rustwheel.binary.elf.patch.UnpatchableElfException;
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
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code repair} goal: audits the staged artifacts against the manylinux/musllinux policies, picks the
 * platform tags for the requested compatibility, and (with {@code auditwheel = repair}) plans the grafting of the
 * external libraries into {@code <dist>.libs/}. Everything is recorded in the manifest for {@code package}: the
 * verdict, the grafted libraries, and each file's edits as an overlay; no file is written but the manifest.
 * A request the artifacts cannot meet fails the build, after giving cargo its outputs back.
 */
public final class RepairStep {

    private final ModuleState state;
    private final BuildLog log;

    public RepairStep(Path buildDirectory, BuildLog log) {
        this.state = new ModuleState(buildDirectory, log);
        this.log = log;
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

    private StagingManifest repair(StagingManifest manifest, RepairConfig config) throws BuildException, ProjectException {
        WheelLayout layout = ResolvedProject.resolve(config.pyproject(), config.settings(), manifest, null,
                NativeFile::exportsInit).layout();
        StagingManifest clean = withoutRepairs(manifest).withLayout(layout);
        String compatibility = config.compatibility();
        if (compatibility.equals(Policy.LINUX) || config.auditwheel() == AuditwheelMode.SKIP) {
            log.info((config.auditwheel() == AuditwheelMode.SKIP ? "auditwheel = skip" : "compatibility = linux")
                    + ": no audit, the wheel keeps the interpreter's platform tag");
            return clean.withAudit(new AuditRecord(compatibility, Policy.LINUX, List.of(), Map.of(), List.of()));
        }
        LibraryExclusion exclusion = new LibraryExclusion(config.exclude());
        AuditReport report = ArtifactAudit.ofModule(manifest, config.ldLibraryPath(), exclusion);
        List<ExternalLibrary> external = report.externalLibraries();
        if (config.auditwheel() == AuditwheelMode.CHECK && !external.isEmpty()) {
            throw BuildException.userError("auditwheel = check, but the wheel would need these libraries grafted"
                    + " into it: " + external.stream().map(ExternalLibrary::describe).collect(Collectors.joining(", "))
                    + ". Set " + config.auditwheelParameter() + " to repair to graft them, link them statically, or exclude them"
                    + " (auditwheelExclude) if the target systems provide them.", null);
        }
        boolean grafting = config.auditwheel() == AuditwheelMode.REPAIR;
        PlatformDecision decision;
        try {
            decision = PlatformDecision.decide(report, compatibility, Policies.bundled(), grafting);
        } catch (AuditException e) {
            throw BuildException.userError(e.getMessage() + " (" + config.compatibilityParameter() + ")", e);
        }
        decision.warnings().forEach(log::warn);
        log.info("Platform tag " + String.join(".", decision.platformTags()) + " (" + decision.policy() + ")");
        Map<String, String> highest = new LinkedHashMap<>();
        report.highestVersions().forEach((prefix, use) -> highest.put(prefix, describe(use)));
        StagingManifest audited = clean.withAudit(new AuditRecord(compatibility, decision.policy(),
                decision.platformTags(), highest, external.stream().map(e -> e.soname() + " => "
                        + e.path().map(Path::toString).orElse("not found")).toList()));
        return grafting && !external.isEmpty() ? graft(audited, layout, external, manifest.grafted()) : audited;
    }

    /** @param previous what the previous repair grafted: its digests hold for the files that did not change */
    private StagingManifest graft(StagingManifest manifest, WheelLayout layout, List<ExternalLibrary> external,
            List<GraftedLibrary> previous) throws BuildException, ProjectException {
        Bindings bindings = Bindings.valueOf(layout.bindings());
        List<GraftTarget> targets = new ArrayList<>();
        for (StagedArtifact artifact : manifest.artifacts()) {
            if (bindings != Bindings.BIN && artifact.kind() == ArtifactKind.CDYLIB) {
                targets.add(new GraftTarget(artifact.currentPath(), layout.moduleDirectory(), true));
                break; // the wheel carries the first cdylib only
            }
            if (bindings == Bindings.BIN && artifact.kind() == ArtifactKind.BIN) {
                // beside <dist>.libs, behind a shim: the scripts directory's path to site-packages varies by scheme
                targets.add(new GraftTarget(artifact.currentPath(), layout.scriptsDirectory(), false));
            }
        }
        GraftPlan plan = plan(targets, external, layout.libsDirectory(), previous);
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

    private static GraftPlan plan(List<GraftTarget> targets, List<ExternalLibrary> external, String libsDirectory,
            List<GraftedLibrary> previous) throws BuildException, ProjectException {
        try {
            return GraftPlanner.plan(targets, external, libsDirectory, previous);
        } catch (AuditException e) {
            throw BuildException.userError(e.getMessage(), e);
        } catch (UnpatchableElfException e) {
            throw BuildException.userError("Cannot graft libraries for " + e.file() + ": " + e.problem()
                    + ". Link the libraries it needs statically, or set the parameter auditwheel to warn.", e);
        } catch (ElfFormatException e) {
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

    private static String describe(VersionUse use) {
        return use.version() + " from " + use.library() + ", needed by " + use.file();
    }
}
