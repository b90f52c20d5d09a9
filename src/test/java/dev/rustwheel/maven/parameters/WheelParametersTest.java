package dev.rustwheel.maven.parameters;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.goals.repair.AuditwheelMode;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WheelParametersTest {

    /** Every value reads as if given with -D. */
    private static final ParameterSources COMMAND_LINE = (property, value, defaultValue) ->
            "set by -D" + property + " on the command line";

    private static WheelParameters parameters(String compatibility, String auditwheel, String compression,
                                              Integer level, String bindings, String moduleName) {
        return packaging(compatibility, auditwheel, compression, level, bindings, moduleName, null, null, null);
    }

    private static WheelParameters packaging(String version, Integer threads, String sbom) {
        return packaging("auto", "repair", "deflated", 5, null, null, version, threads, sbom);
    }

    private static WheelParameters packaging(String compatibility, String auditwheel, String compression,
                                             Integer level, String bindings, String moduleName, String version,
                                             Integer threads, String sbom) {
        return new WheelParameters("python3", List.of(), Path.of("/p/pyproject.toml"), moduleName, bindings, null,
                null, null, null, null, compression, level, compatibility, auditwheel, List.of(" libcuda.so.* "),
                version, threads, sbom);
    }

    private static WheelParameters defaults() {
        return parameters("auto", "repair", "deflated", 5, null, null);
    }

    @Test
    void defaultsPass() throws MojoFailureException {
        WheelSettings settings = WheelParameters.validate(defaults(), COMMAND_LINE);
        assertEquals("auto", settings.compatibility());
        assertEquals(AuditwheelMode.REPAIR, settings.auditwheel());
        assertEquals(List.of("python3"), settings.pythonExecutables());
        assertEquals(List.of("libcuda.so.*"), settings.auditwheelExclude());
        assertTrue(settings.compression().deflated());
        assertEquals(5, settings.compression().level());
    }

    @ParameterizedTest(name = "compatibility = {0} is accepted")
    @CsvSource({"linux", "manylinux_2_17", "manylinux2014", "manylinux_2_17_x86_64", "musllinux_1_2",
            "manylinux_2_28_aarch64"})
    void knownPlatformsPass(String compatibility) throws MojoFailureException {
        assertEquals(compatibility, WheelParameters.validate(
                parameters(" " + compatibility + " ", "repair", "deflated", 6, null, null), COMMAND_LINE)
                .compatibility());
    }

    @Test
    void modesAndMethodsAreCaseInsensitive() throws MojoFailureException {
        WheelSettings settings = WheelParameters.validate(parameters("auto", "Check", "STORED", null, "bin", "pkg._n"),
                COMMAND_LINE);
        assertEquals(AuditwheelMode.CHECK, settings.auditwheel());
        assertFalse(settings.compression().deflated());
        assertEquals("bin", settings.settings().bindings());
        assertEquals("pkg._n", settings.settings().moduleName());
    }

    @Test
    void storedIgnoresTheDefaultLevelButRefusesAnExplicitOne() throws MojoFailureException {
        ParameterSources defaultLevel = (property, value, defaultValue) -> "the default";
        assertFalse(WheelParameters.validate(parameters("auto", "repair", "stored", 6, null, null), defaultLevel)
                .compression().deflated());
        String message = assertThrows(MojoFailureException.class, () -> WheelParameters.validate(
                parameters("auto", "repair", "stored", 6, null, null), COMMAND_LINE)).getMessage();
        assertTrue(message.contains("compressionLevel"), message);
        assertTrue(message.contains("has no meaning for compression = stored"), message);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "compatibility|foo|rustwheel.compatibility|Use auto, linux, manylinux_2_5 (manylinux1)",
            "compatibility|manylinux_2_99|rustwheel.compatibility|manylinux_2_17 (manylinux2014)",
            "compatibility|manylinux_2_17_sparc|rustwheel.compatibility|architecture suffix",
            "auditwheel|fix|rustwheel.auditwheel|Use repair, check, warn, skip.",
            "compression|zstd|rustwheel.compression|Use deflated or stored.",
            "compressionLevel|12|rustwheel.compressionLevel|Use 0 (fastest) to 9 (smallest).",
            "bindings|xyz|rustwheel.bindings|Use pyo3, pyo3-ffi, cffi or bin",
            "bindings|uniffi|rustwheel.bindings|uniffi bindings are not supported yet",
            "moduleName|my-module|rustwheel.moduleName|is not a Python import name",
            "version|1.2.0-foo|rustwheel.version|Use a PEP 440 version such as 1.2.0",
            "version|1.2.0.dev1-SNAPSHOT|rustwheel.version|drop one of them",
            "threads|0|rustwheel.threads|Use 1 or more",
            "sbom|yes|rustwheel.sbom|Use true to put a CycloneDX SBOM into the wheel, or false"})
    void badValuesNameParameterPropertyValueSourceAndAllowedValues(String parameter, String value, String property,
                                                                    String allowed) {
        WheelParameters p = switch (parameter) {
            case "compatibility" -> parameters(value, "repair", "deflated", 6, null, null);
            case "auditwheel" -> parameters("auto", value, "deflated", 6, null, null);
            case "compression" -> parameters("auto", "repair", value, 6, null, null);
            case "compressionLevel" -> parameters("auto", "repair", "deflated", Integer.valueOf(value), null, null);
            case "bindings" -> parameters("auto", "repair", "deflated", 6, value, null);
            case "version" -> packaging(value, null, null);
            case "threads" -> packaging(null, Integer.valueOf(value), null);
            case "sbom" -> packaging(null, null, value);
            default -> parameters("auto", "repair", "deflated", 6, null, value);
        };
        String message = assertThrows(MojoFailureException.class, () -> WheelParameters.validate(p, COMMAND_LINE))
                .getMessage();
        assertAll(
                () -> assertTrue(message.startsWith("parameter " + parameter + " (property " + property), message),
                () -> assertTrue(message.contains("'" + value + "'"), message),
                () -> assertTrue(message.contains("set by -D" + property + " on the command line"), message),
                () -> assertTrue(message.contains(allowed), message),
                () -> assertFalse(message.contains("dev.rustwheel"), message),
                () -> assertFalse(message.contains("enum constant"), message));
    }

    @Test
    void packagingValuesAreCheckedWithTheOthers() throws MojoFailureException {
        WheelSettings unset = WheelParameters.validate(defaults(), COMMAND_LINE);
        assertAll(
                () -> assertEquals(null, unset.wheelVersion()),
                () -> assertEquals(Runtime.getRuntime().availableProcessors(), unset.threads()),
                () -> assertTrue(unset.sbom()));
        WheelSettings set = WheelParameters.validate(packaging("1.2.0-SNAPSHOT", 3, " FALSE "), COMMAND_LINE);
        assertAll(
                () -> assertEquals("1.2.0.dev0", set.wheelVersion()),
                () -> assertEquals(3, set.threads()),
                () -> assertFalse(set.sbom()));
    }

    @Test
    void layoutValuesSetInThePomAreDescribedForTheCoresMessages() throws MojoFailureException {
        WheelParameters p = new WheelParameters("python3", List.of(), Path.of("pyproject.toml"), null, null, "python",
                null, List.of("a/*.txt", "b/**"), null, null, "deflated", 6, "auto", "repair", List.of(), null, null,
                null);
        WheelSettings settings = WheelParameters.validate(p, COMMAND_LINE);
        assertEquals("parameter pythonSource (property rustwheel.pythonSource, set by -Drustwheel.pythonSource on the"
                + " command line)", settings.layoutParameters().get("pythonSource"));
        assertTrue(settings.layoutParameters().get("include").startsWith("parameter include (property"
                + " rustwheel.include"), settings.layoutParameters().toString());
        assertFalse(settings.layoutParameters().containsKey("data"), settings.layoutParameters().toString());
    }

    @Test
    void theInterpreterParameterIsTheOneThatNamedThem() throws MojoFailureException {
        WheelParameters list = new WheelParameters("python3", List.of("python3.10", " python3.11", "python3.10"),
                Path.of("pyproject.toml"), null, null, null, null, null, null, null, "deflated", 6, "auto", "repair",
                List.of(), null, null, null);
        WheelSettings settings = WheelParameters.validate(list, COMMAND_LINE);
        assertEquals(List.of("python3.10", "python3.11"), settings.pythonExecutables());
        assertTrue(settings.interpreterParameter().startsWith("parameter pythonExecutables (property"
                + " rustwheel.pythonExecutables"), settings.interpreterParameter());
        assertTrue(WheelParameters.validate(defaults(), COMMAND_LINE).interpreterParameter()
                .startsWith("parameter pythonExecutable (property rustwheel.pythonExecutable"));
    }
}
