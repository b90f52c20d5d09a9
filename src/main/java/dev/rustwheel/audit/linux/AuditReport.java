package dev.rustwheel.audit.linux;

import dev.rustwheel.audit.ExternalLibrary;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit of a set of files that ship together.
 *
 * @param files        the audited files
 * @param architecture the wheel architecture name of the files ({@code x86_64}), empty when no tag knows it
 * @param musl         whether they link musl (musllinux) rather than glibc (manylinux)
 * @param versionUses  every symbol version the files themselves require
 * @param verdicts     one per policy for this libc and architecture, most compatible first
 */
public record AuditReport(List<Path> files, Optional<String> architecture, boolean musl, List<VersionUse> versionUses,
        List<PolicyVerdict> verdicts) {

    public AuditReport {
        files = List.copyOf(files);
        versionUses = List.copyOf(versionUses);
        verdicts = List.copyOf(verdicts);
    }

    /** The most compatible policy the files meet as they are. */
    public Optional<PolicyVerdict> best() {
        for (PolicyVerdict verdict : verdicts) {
            if (verdict.passes()) {
                return Optional.of(verdict);
            }
        }
        return Optional.empty();
    }

    /** The most compatible policy the files would meet with their external libraries grafted. */
    public Optional<PolicyVerdict> bestCompliant() {
        for (PolicyVerdict verdict : verdicts) {
            if (verdict.compliant()) {
                return Optional.of(verdict);
            }
        }
        return Optional.empty();
    }

    /** {@code linux_<arch>}: the tag that claims nothing about the target system. */
    public List<String> linuxTags() {
        return architecture.isPresent() ? List.of(Policy.LINUX + "_" + architecture.get()) : List.of();
    }

    /** The tags the files can carry as they are: the best policy's, else {@code linux}. */
    public List<String> platformTags() {
        Optional<PolicyVerdict> best = best();
        return best.isPresent() ? best.get().platformTags() : linuxTags();
    }

    /** The highest version the files require per prefix ({@code GLIBC} → {@code GLIBC_2.34}), and who requires it. */
    public Map<String, VersionUse> highestVersions() {
        Map<String, VersionUse> highest = new LinkedHashMap<>();
        for (VersionUse use : versionUses) {
            VersionUse before = highest.get(use.prefix());
            if (before == null || SymbolVersionOrder.INSTANCE.compare(use.version(), before.version()) > 0) {
                highest.put(use.prefix(), use);
            }
        }
        return highest;
    }

    /**
     * The libraries the wheel would have to carry: those outside the whitelist of the policy the files could
     * otherwise meet, or of the least strict policy when they meet none.
     */
    public List<ExternalLibrary> externalLibraries() {
        Optional<PolicyVerdict> compliant = bestCompliant();
        if (compliant.isPresent()) {
            return compliant.get().toGraft();
        }
        return verdicts.isEmpty() ? List.of() : verdicts.get(verdicts.size() - 1).toGraft();
    }
}
