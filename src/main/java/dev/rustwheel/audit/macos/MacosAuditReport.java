package dev.rustwheel.audit.macos;

import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.binary.macho.MinimumOs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The audit of a macOS wheel's Mach-O files, as delocate tells it.
 *
 * @param files       the audited files
 * @param minimums    per architecture, the highest minimum macOS over the files and the file that declares it
 * @param platformTags the tags that follow ({@code macosx_10_12_universal2})
 * @param external    the libraries the wheel would have to carry (outside the wheel and not system libraries),
 *                    transitively, each with where it resolved (if it did) and who needs it
 * @param system      the system libraries ({@code /usr/lib/}, {@code /System/Library/}) the files link, sorted
 */
public record MacosAuditReport(List<Path> files, Map<String, Requirement> minimums, List<String> platformTags,
        List<ExternalLibrary> external, List<String> system) {

    public MacosAuditReport {
        files = List.copyOf(files);
        minimums = Map.copyOf(minimums);
        platformTags = List.copyOf(platformTags);
        external = List.copyOf(external);
        system = List.copyOf(system);
    }

    /** The highest minimum macOS of one architecture, and the file that needs it. */
    public record Requirement(MinimumOs version, Path file) {
    }
}
