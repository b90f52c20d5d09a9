package dev.rustwheel.audit.platform;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.audit.LibraryExclusion;
import dev.rustwheel.audit.graft.GraftPlan;
import dev.rustwheel.audit.graft.GraftPlanner;
import dev.rustwheel.audit.graft.GraftTarget;
import dev.rustwheel.audit.linux.AuditReport;
import dev.rustwheel.audit.linux.Auditor;
import dev.rustwheel.audit.linux.PlatformDecision;
import dev.rustwheel.audit.linux.Policies;
import dev.rustwheel.audit.linux.SearchPaths;
import dev.rustwheel.audit.linux.VersionUse;
import dev.rustwheel.staging.GraftedLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Linux: auditwheel's audit of the ELF files against the manylinux/musllinux policies, the tag for the requested
 * compatibility, and the grafting of the external libraries into {@code <dist>.libs/}.
 */
public final class LinuxPlatformAudit implements PlatformAudit {

    private final Policies policies;
    private final SearchPaths searchPaths;
    private final LibraryExclusion exclusion;
    private final String compatibility;
    private final String compatibilityParameter;
    private final Optional<Path> bundleRoot;

    /**
     * @param compatibility          {@code auto} or a policy name the wheel must meet
     * @param compatibilityParameter the parameter that set it, with its property and source, for messages
     * @param bundleRoot             an unpacked wheel whose own libraries travel with the files, if any
     */
    public LinuxPlatformAudit(Policies policies, SearchPaths searchPaths, LibraryExclusion exclusion,
            String compatibility, String compatibilityParameter, Optional<Path> bundleRoot) {
        this.policies = policies;
        this.searchPaths = searchPaths;
        this.exclusion = exclusion;
        this.compatibility = compatibility;
        this.compatibilityParameter = compatibilityParameter;
        this.bundleRoot = bundleRoot;
    }

    @Override
    public PlatformVerdict audit(List<Path> files, boolean grafting) throws AuditException, IOException {
        AuditReport report = new Auditor(policies, searchPaths, exclusion).audit(files, bundleRoot);
        PlatformDecision decision;
        try {
            decision = PlatformDecision.decide(report, compatibility, policies, grafting);
        } catch (AuditException e) {
            throw new AuditException(e.getMessage() + " (" + compatibilityParameter + ")");
        }
        Map<String, String> highest = new LinkedHashMap<>();
        for (Map.Entry<String, VersionUse> use : report.highestVersions().entrySet()) {
            highest.put(use.getKey(), use.getValue().version() + " from " + use.getValue().library()
                    + ", needed by " + use.getValue().file());
        }
        return new PlatformVerdict(decision.policy(), decision.platformTags(), decision.warnings(), highest,
                report.externalLibraries());
    }

    @Override
    public GraftPlan plan(List<GraftTarget> targets, List<ExternalLibrary> external, String libsDirectory,
            List<GraftedLibrary> previous) throws AuditException, IOException {
        return GraftPlanner.plan(targets, external, libsDirectory, previous);
    }
}
