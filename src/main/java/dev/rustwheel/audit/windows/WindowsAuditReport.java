package dev.rustwheel.audit.windows;

import dev.rustwheel.audit.ExternalLibrary;
import java.nio.file.Path;
import java.util.List;

/**
 * The audit of a Windows wheel's PE files, as {@code delvewheel show} tells it.
 *
 * @param files        the audited files
 * @param architecture {@code amd64}, {@code x86} or {@code arm64}
 * @param platformTag  {@code win_amd64}, {@code win32} or {@code win_arm64}
 * @param external     the DLLs the wheel would have to carry, each with where it was found (if it was) and who
 *                     needs it, dependencies of dependencies included
 * @param system       the DLLs assumed present on the user's system, lowercase, sorted
 */
public record WindowsAuditReport(List<Path> files, String architecture, String platformTag,
        List<ExternalLibrary> external, List<String> system) {

    public WindowsAuditReport {
        files = List.copyOf(files);
        external = List.copyOf(external);
        system = List.copyOf(system);
    }
}
