package dev.rustwheel.build;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.AuditReport;
import dev.rustwheel.audit.PlatformDecision;
import dev.rustwheel.audit.Policies;
import dev.rustwheel.audit.Policy;
import dev.rustwheel.audit.VersionUse;
import dev.rustwheel.staging.AuditRecord;
import dev.rustwheel.staging.StagingManifest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code repair} goal: audits the staged artifacts against the manylinux/musllinux policies, picks the
 * platform tags for the requested compatibility, and records the verdict in the manifest for {@code package}.
 * A request the artifacts cannot meet fails the build, after giving cargo its outputs back.
 */
public final class RepairStep {

    private final ModuleState state;
    private final BuildLog log;

    public RepairStep(Path buildDirectory, BuildLog log) {
        this.state = new ModuleState(buildDirectory, log);
        this.log = log;
    }

    public StagingManifest run(RepairConfig config) throws BuildException {
        StagingManifest manifest = state.require("repair");
        try {
            StagingManifest audited = manifest.withAudit(verdict(manifest, config));
            state.write(audited);
            return audited;
        } catch (BuildException | RuntimeException e) {
            state.restoreAfter(e);
            throw e;
        }
    }

    private AuditRecord verdict(StagingManifest manifest, RepairConfig config) throws BuildException {
        String compatibility = config.compatibility();
        if (compatibility.equals(Policy.LINUX)) {
            log.info("compatibility = linux: no audit, the wheel keeps the interpreter's platform tag");
            return new AuditRecord(compatibility, Policy.LINUX, List.of(), Map.of(), List.of());
        }
        AuditReport report = ArtifactAudit.ofModule(manifest, config.ldLibraryPath());
        PlatformDecision decision;
        try {
            decision = PlatformDecision.decide(report, compatibility, Policies.bundled());
        } catch (AuditException e) {
            throw BuildException.userError(e.getMessage() + " (parameter compatibility, property"
                    + " rustwheel.compatibility)", e);
        }
        decision.warnings().forEach(log::warn);
        log.info("Platform tag " + String.join(".", decision.platformTags()) + " (" + decision.policy() + ")");
        Map<String, String> highest = new LinkedHashMap<>();
        report.highestVersions().forEach((prefix, use) -> highest.put(prefix, describe(use)));
        return new AuditRecord(compatibility, decision.policy(), decision.platformTags(), highest,
                report.externalLibraries().stream().map(e -> e.soname() + " => "
                        + e.path().map(Path::toString).orElse("not found")).toList());
    }

    private static String describe(VersionUse use) {
        return use.version() + " from " + use.library() + ", needed by " + use.file();
    }
}
