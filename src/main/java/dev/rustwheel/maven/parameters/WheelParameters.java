package dev.rustwheel.maven.parameters;

import dev.rustwheel.audit.linux.Policies;
import dev.rustwheel.goals.PythonExecutables;
import dev.rustwheel.goals.repair.AuditwheelMode;
import dev.rustwheel.project.Bindings;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.python.InvalidVersionException;
import dev.rustwheel.python.MavenVersions;
import dev.rustwheel.wheel.zip.Compression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The shared parameters as Maven hands them over (blank strings and empty lists already read as unset), and the one
 * function that checks them into {@link WheelSettings}.
 */
public record WheelParameters(String pythonExecutable, List<String> pythonExecutables, Path pyproject, String moduleName,
                       String bindings, String pythonSource, List<String> pythonPackages, List<String> include,
                       List<String> exclude, String data, String compression, Integer compressionLevel,
                       String compatibility, String auditwheel, List<String> auditwheelExclude, String version,
                       Integer threads, String sbom) {

    /** The defaults of the parameters checked here, shared with their {@code @Parameter} declarations. */
    public static final String DEFAULT_PYTHON = "python3";
    public static final String DEFAULT_COMPATIBILITY = "auto";
    public static final String DEFAULT_AUDITWHEEL = "repair";
    public static final String DEFAULT_COMPRESSION = "deflated";
    public static final String DEFAULT_SBOM = "true";

    private static final Pattern DOTTED_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final int DEFAULT_LEVEL = Compression.DEFAULT_LEVEL;

    /**
     * Checks every value that has a fixed set of allowed values or a fixed shape; what depends on the project
     * (pyproject.toml, the interpreter) is checked by the compile goal right after.
     *
     * @throws MojoFailureException naming the first bad parameter, its property, its value, where the value came from
     *                              and the allowed values
     */
    public static WheelSettings validate(WheelParameters p, ParameterSources sources) throws MojoFailureException {
        String compatibility = p.compatibility == null ? DEFAULT_COMPATIBILITY
                : p.compatibility.trim();
        if (!Policies.accepts(compatibility)) {
            throw invalid("compatibility", PropertyNames.COMPATIBILITY, p.compatibility,
                    sources.of(PropertyNames.COMPATIBILITY, p.compatibility, DEFAULT_COMPATIBILITY),
                    "is not a platform rustwheel knows. Use " + Policies.bundled().acceptedValues() + ".");
        }
        AuditwheelMode auditwheel = auditwheel(p.auditwheel, sources);
        Compression compression = compression(p, sources);
        if (p.moduleName != null && !DOTTED_IDENTIFIER.matcher(p.moduleName).matches()) {
            throw invalid("moduleName", PropertyNames.MODULE_NAME, p.moduleName,
                    sources.of(PropertyNames.MODULE_NAME, p.moduleName, null), "is not a Python import name. Use"
                            + " identifiers (letters, digits, _) joined by dots, such as mypkg._native.");
        }
        if (p.bindings != null) {
            try {
                Bindings.requested(p.bindings, describe("bindings", PropertyNames.BINDINGS,
                        sources.of(PropertyNames.BINDINGS, p.bindings, null)));
            } catch (ProjectException e) {
                throw new MojoFailureException(e.getMessage());
            }
        }
        List<String> interpreters = PythonExecutables.configured(p.pythonExecutables, p.pythonExecutable == null
                ? DEFAULT_PYTHON : p.pythonExecutable.trim());
        String interpreterParameter = p.pythonExecutables.isEmpty()
                ? describe("pythonExecutable", PropertyNames.PYTHON_EXECUTABLE, sources.of(
                        PropertyNames.PYTHON_EXECUTABLE, p.pythonExecutable, DEFAULT_PYTHON))
                : describe("pythonExecutables", PropertyNames.PYTHON_EXECUTABLES, sources.of(
                        PropertyNames.PYTHON_EXECUTABLES, String.join(",", p.pythonExecutables), null));
        String wheelVersion = wheelVersion(p.version, sources);
        int threads = threads(p.threads, sources);
        boolean sbom = sbom(p.sbom, sources);
        return new WheelSettings(interpreters, interpreterParameter, p.pyproject,
                new MaturinSettings(p.moduleName, p.pythonSource, p.pythonPackages, p.include, p.exclude, p.data,
                        p.bindings),
                compatibility, auditwheel, trimmed(p.auditwheelExclude), compression,
                describe("compatibility", PropertyNames.COMPATIBILITY, sources.of(PropertyNames.COMPATIBILITY,
                        p.compatibility, DEFAULT_COMPATIBILITY)),
                describe("auditwheel", PropertyNames.AUDITWHEEL, sources.of(PropertyNames.AUDITWHEEL, p.auditwheel,
                        DEFAULT_AUDITWHEEL)), wheelVersion, threads, sbom, layoutParameters(p, sources));
    }

    /** Each value trimmed; a loop, where a stream's method reference would cost every goal a class. */
    private static List<String> trimmed(List<String> values) {
        List<String> trimmed = new ArrayList<>();
        for (String value : values) {
            trimmed.add(value.trim());
        }
        return List.copyOf(trimmed);
    }

    /** How messages about a layout value set in the POM name it, for those that are set. */
    private static Map<String, String> layoutParameters(WheelParameters p, ParameterSources sources) {
        Map<String, String> described = new HashMap<>();
        if (p.pythonSource != null) {
            described.put("pythonSource", describe("pythonSource", PropertyNames.PYTHON_SOURCE,
                    sources.of(PropertyNames.PYTHON_SOURCE, p.pythonSource, null)));
        }
        if (p.data != null) {
            described.put("data", describe("data", PropertyNames.DATA, sources.of(PropertyNames.DATA, p.data, null)));
        }
        if (p.include != null) {
            described.put("include", describe("include", PropertyNames.INCLUDE,
                    sources.of(PropertyNames.INCLUDE, String.join(",", p.include), null)));
        }
        return described;
    }

    /** The configured version in PEP 440; null when none is configured. */
    private static String wheelVersion(String value, ParameterSources sources) throws MojoFailureException {
        if (value == null) {
            return null;
        }
        try {
            return MavenVersions.toPep440(value);
        } catch (InvalidVersionException e) {
            throw invalid("version", PropertyNames.VERSION, value, sources.of(PropertyNames.VERSION, value, null),
                    "is not a version a wheel can carry: " + e.getMessage() + ". Use a PEP 440 version such as 1.2.0"
                            + " or 1.2.0a1, or a Maven version that converts to one, such as ${project.version}"
                            + " for 1.2.0-SNAPSHOT or 1.2.0-rc.1.");
        }
    }

    /** Unset: every available processor. */
    private static int threads(Integer value, ParameterSources sources) throws MojoFailureException {
        if (value == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (value < 1) {
            throw invalid("threads", PropertyNames.THREADS, String.valueOf(value),
                    sources.of(PropertyNames.THREADS, String.valueOf(value), null), "is not a number of threads."
                            + " Use 1 or more, or leave it unset to use every available processor.");
        }
        return value;
    }

    /** Strictly {@code true} or {@code false}: Maven would read any other word as false, and drop the SBOM. */
    private static boolean sbom(String value, ParameterSources sources) throws MojoFailureException {
        String flag = value == null ? DEFAULT_SBOM : value.trim().toLowerCase(Locale.ROOT);
        return switch (flag) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid("sbom", PropertyNames.SBOM, value,
                    sources.of(PropertyNames.SBOM, value, DEFAULT_SBOM), "is neither true nor false. Use true to"
                            + " put a CycloneDX SBOM into the wheel, or false to leave it out.");
        };
    }

    private static AuditwheelMode auditwheel(String value, ParameterSources sources) throws MojoFailureException {
        String mode = value == null ? DEFAULT_AUDITWHEEL : value.trim().toLowerCase(Locale.ROOT);
        for (AuditwheelMode candidate : AuditwheelMode.values()) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(mode)) {
                return candidate;
            }
        }
        throw invalid("auditwheel", PropertyNames.AUDITWHEEL, value,
                sources.of(PropertyNames.AUDITWHEEL, value, DEFAULT_AUDITWHEEL),
                "is not an auditwheel mode. Use " + Arrays.stream(AuditwheelMode.values())
                        .map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ".");
    }

    private static Compression compression(WheelParameters p, ParameterSources sources) throws MojoFailureException {
        String method = p.compression == null ? DEFAULT_COMPRESSION
                : p.compression.trim().toLowerCase(Locale.ROOT);
        String levelSource = p.compressionLevel == null ? "the default" : sources.of(PropertyNames.COMPRESSION_LEVEL,
                String.valueOf(p.compressionLevel), String.valueOf(DEFAULT_LEVEL));
        int level = p.compressionLevel == null ? DEFAULT_LEVEL : p.compressionLevel;
        if (level < 0 || level > 9) {
            throw invalid("compressionLevel", PropertyNames.COMPRESSION_LEVEL, String.valueOf(level), levelSource,
                    "is not a deflate level. Use 0 (fastest) to 9 (smallest).");
        }
        switch (method) {
            case "deflated", "deflate":
                return Compression.of("deflated", level);
            case "stored", "store":
                if (level != 0 && !levelSource.equals("the default")) {
                    throw invalid("compressionLevel", PropertyNames.COMPRESSION_LEVEL, String.valueOf(level),
                            levelSource, "has no meaning for compression = stored. Remove it, or set compression"
                                    + " to deflated.");
                }
                return Compression.of("stored", null);
            default:
                throw invalid("compression", PropertyNames.COMPRESSION, p.compression, sources.of(
                        PropertyNames.COMPRESSION, p.compression, DEFAULT_COMPRESSION),
                        "is not a compression method. Use deflated or stored.");
        }
    }

    /** {@code parameter auditwheel (property rustwheel.auditwheel, set by -D… on the command line)}. */
    public static String describe(String parameter, String property, String source) {
        return "parameter " + parameter + " (property " + property + ", " + source + ")";
    }

    private static MojoFailureException invalid(String parameter, String property, String value, String source,
                                                String problem) {
        return new MojoFailureException(describe(parameter, property, source) + " = '" + value + "' " + problem);
    }
}
