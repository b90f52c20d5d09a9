package dev.rustwheel.audit.linux;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rustwheel.audit.ExternalLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code auditwheel show} tells: the tag, the versioned symbols and the highest of them with the file that
 * needs it, the external libraries and where they resolve, and why each stricter policy fails; as text for
 * people, or as JSON for tools.
 */
public final class ShowReport {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ShowReport() {
    }

    public static String text(AuditReport report) {
        StringBuilder out = new StringBuilder();
        out.append(report.files().stream().map(Path::toString).collect(Collectors.joining("\n"))).append('\n');
        List<String> tags = report.platformTags();
        out.append(tags.isEmpty() ? "has no architecture a platform tag knows.\n"
                : "is consistent with the following platform tag: \"" + String.join(".", tags) + "\".\n");

        Map<String, List<String>> byLibrary = versionsByLibrary(report);
        if (byLibrary.isEmpty()) {
            out.append("\nThe files use no versioned symbols of system libraries.\n");
        } else {
            out.append("\nThe files reference versioned symbols in these system libraries:\n");
            byLibrary.forEach((library, versions) -> out.append("  ").append(library).append(" with versions ")
                    .append(String.join(", ", versions)).append('\n'));
            out.append("\nHighest versions needed, and by which file:\n");
            report.highestVersions().values().forEach(u -> out.append("  ").append(u.describe()).append('\n'));
        }

        List<ExternalLibrary> external = report.externalLibraries();
        out.append(external.isEmpty() ? "\nThe files need no external libraries beyond the policies' whitelists.\n"
                : "\nExternal libraries, which the wheel would have to carry:\n");
        external.forEach(e -> out.append("  ").append(e.describe()).append('\n'));

        List<PolicyVerdict> stricter = stricter(report);
        if (!stricter.isEmpty()) {
            out.append("\nStricter policies, and why the files fail them:\n");
            stricter.forEach(v -> out.append("  ").append(String.join(".", v.platformTags())).append(": ")
                    .append(PlatformDecision.failures(v)).append('\n'));
        }
        return out.toString();
    }

    public static String json(AuditReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("files", report.files().stream().map(Path::toString).toList());
        root.put("architecture", report.architecture().orElse(null));
        root.put("libc", report.musl() ? "musl" : "glibc");
        root.put("overall_tag", String.join(".", report.platformTags()));
        root.put("platform_tags", report.platformTags());
        root.put("versioned_symbols", versionsByLibrary(report));
        Map<String, Object> highest = new LinkedHashMap<>();
        report.highestVersions().forEach((prefix, use) -> highest.put(prefix, use(use)));
        root.put("highest_versions", highest);
        Map<String, Object> external = new LinkedHashMap<>();
        report.externalLibraries().forEach(e -> external.put(e.soname(), Map.of(
                "path", e.path().map(Path::toString).orElse(""), "needed_by", e.neededBy().toString())));
        root.put("external_libs", external);
        List<Object> policies = new ArrayList<>();
        for (PolicyVerdict v : report.verdicts()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", v.policy().name());
            p.put("platform_tags", v.platformTags());
            p.put("passes", v.passes());
            p.put("too_recent", v.tooRecent().stream().map(ShowReport::use).toList());
            p.put("blacklisted", v.blacklisted().stream().map(h -> Map.of("file", h.file().toString(),
                    "library", h.library(), "symbol", h.symbol())).toList());
            p.put("needs_graft", v.toGraft().stream().map(ExternalLibrary::soname).toList());
            policies.add(p);
        }
        root.put("policies", policies);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialize", e);
        }
    }

    /** The verdicts more compatible than the tag the files get: each fails, and says why. */
    private static List<PolicyVerdict> stricter(AuditReport report) {
        Optional<PolicyVerdict> best = report.best();
        List<PolicyVerdict> verdicts = report.verdicts();
        return best.map(b -> verdicts.subList(0, verdicts.indexOf(b))).orElse(verdicts);
    }

    private static Map<String, List<String>> versionsByLibrary(AuditReport report) {
        Map<String, List<String>> byLibrary = new LinkedHashMap<>();
        for (VersionUse use : report.versionUses()) {
            List<String> versions = byLibrary.computeIfAbsent(use.library(), l -> new ArrayList<>());
            if (!versions.contains(use.version())) {
                versions.add(use.version());
            }
        }
        byLibrary.values().forEach(v -> v.sort(SymbolVersionOrder.INSTANCE));
        return byLibrary;
    }

    private static Map<String, Object> use(VersionUse use) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", use.version());
        m.put("library", use.library());
        m.put("file", use.file().toString());
        m.put("symbols", use.symbols());
        return m;
    }
}
