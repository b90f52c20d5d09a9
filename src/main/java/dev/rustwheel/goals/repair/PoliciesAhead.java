package dev.rustwheel.goals.repair;

import dev.rustwheel.audit.linux.Policies;
import dev.rustwheel.binary.elf.ElfFile;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.store.RepairCache;
import java.io.IOException;
import java.util.Optional;

/**
 * Starts reading the platform policies on another thread as soon as repair begins, when an audit is likely: cargo
 * rebuilt an artifact, or no earlier verdict is kept. In a cold JVM reading them costs about half of an audit, and
 * the audit itself would ask for them only after the layout, the key and the artifacts' own tables are read. A
 * build that reuses its verdict reads neither the policies nor an artifact's header.
 */
final class PoliciesAhead {

    private PoliciesAhead() {
    }

    static void start(StagingManifest manifest, RepairCache cache, Policies policies) {
        if (manifest.artifacts().isEmpty() || !auditLikely(manifest, cache.holdsVerdict())) {
            return;
        }
        try (ElfFile elf = ElfFile.open(manifest.artifacts().get(0).currentPath())) {
            Optional<String> architecture = elf.architecture();
            if (architecture.isPresent()) {
                policies.prefetch(architecture.get());
            }
        } catch (IOException e) {
            // not ELF (Mach-O and PE audits need no policies), or unreadable: the audit reads it again and says so
        }
    }

    /** @param verdictKept whether an earlier repair's outcome is kept, which an unchanged build reuses */
    static boolean auditLikely(StagingManifest manifest, boolean verdictKept) {
        if (!verdictKept) {
            return true;
        }
        for (StagedArtifact artifact : manifest.artifacts()) {
            if (!artifact.fresh()) {
                return true;
            }
        }
        return false;
    }
}
