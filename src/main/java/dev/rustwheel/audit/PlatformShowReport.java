package dev.rustwheel.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rustwheel.audit.macos.MacosAuditReport;
import dev.rustwheel.audit.windows.WindowsAuditReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code show} tells about a macOS or a Windows wheel, as delocate and delvewheel would: the platform tag,
 * what decides it, the libraries the wheel would have to carry, and the system libraries it may rely on; as text
 * for people or JSON for tools.
 */
public final class PlatformShowReport {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PlatformShowReport() {
    }

    public static String text(MacosAuditReport report) {
        StringBuilder out = header(report.files(), report.platformTags());
        out.append("\nHighest minimum macOS per architecture, and by which file:\n");
        report.minimums().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.append("  ")
                .append(e.getKey()).append(": ").append(e.getValue().version()).append(" (")
                .append(e.getValue().file()).append(")\n"));
        external(out, report.external());
        system(out, report.system(), "System libraries, which macOS provides:");
        return out.toString();
    }

    public static String text(WindowsAuditReport report) {
        StringBuilder out = header(report.files(), List.of(report.platformTag()));
        external(out, report.external());
        system(out, report.system(), "DLLs assumed present on the user's system, never carried:");
        return out.toString();
    }

    public static String json(MacosAuditReport report) {
        Map<String, Object> root = common("macos", report.files(), report.platformTags(), report.external(),
                report.system());
        Map<String, Object> minimums = new LinkedHashMap<>();
        report.minimums().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> minimums.put(
                e.getKey(), Map.of("version", e.getValue().version().toString(),
                        "file", e.getValue().file().toString())));
        root.put("minimum_macos", minimums);
        return write(root);
    }

    public static String json(WindowsAuditReport report) {
        Map<String, Object> root = common("windows", report.files(), List.of(report.platformTag()),
                report.external(), report.system());
        root.put("architecture", report.architecture());
        return write(root);
    }

    private static StringBuilder header(List<Path> files, List<String> tags) {
        StringBuilder out = new StringBuilder();
        out.append(files.stream().map(Path::toString).collect(Collectors.joining("\n"))).append('\n');
        out.append("is consistent with the following platform tag: \"").append(String.join(".", tags))
                .append("\".\n");
        return out;
    }

    private static void external(StringBuilder out, List<ExternalLibrary> external) {
        out.append(external.isEmpty() ? "\nThe files need no libraries beyond the wheel and the system.\n"
                : "\nExternal libraries, which the wheel would have to carry:\n");
        external.forEach(e -> out.append("  ").append(e.describe()).append('\n'));
    }

    private static void system(StringBuilder out, List<String> system, String title) {
        if (!system.isEmpty()) {
            out.append('\n').append(title).append('\n');
            system.forEach(s -> out.append("  ").append(s).append('\n'));
        }
    }

    private static Map<String, Object> common(String platform, List<Path> files, List<String> tags,
            List<ExternalLibrary> external, List<String> system) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("platform", platform);
        root.put("files", files.stream().map(Path::toString).toList());
        root.put("overall_tag", String.join(".", tags));
        root.put("platform_tags", tags);
        Map<String, Object> libraries = new LinkedHashMap<>();
        external.forEach(e -> libraries.put(e.soname(), Map.of("path", e.path().map(Path::toString).orElse(""),
                "needed_by", e.neededBy().toString())));
        root.put("external_libs", libraries);
        root.put("system_libs", system);
        return root;
    }

    private static String write(Map<String, Object> root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialize", e);
        }
    }
}
