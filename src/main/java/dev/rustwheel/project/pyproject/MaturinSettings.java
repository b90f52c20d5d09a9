package dev.rustwheel.project.pyproject;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustwheel.project.OutDirIncludes;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.project.SourceLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code [tool.maturin]} keys that shape the wheel, each overridable by the POM parameter of the same name.
 * A null component means "not set": the POM's value wins where it is set, then pyproject.toml's, then the default.
 *
 * @param moduleName     the Python import name of the native module, possibly dotted ({@code pkg._native})
 * @param pythonSource   the directory holding the Python package, relative to the project
 * @param pythonPackages further top-level packages to ship from {@code pythonSource}
 * @param include        globs of extra files to ship (those marked {@code format = "sdist"} only are dropped; the
 *                       tables naming {@code from = "out-dir"} are {@link OutDirIncludes})
 * @param exclude        globs of files to leave out
 * @param data           the directory whose {@code data}, {@code scripts}, {@code headers}, {@code purelib} and
 *                       {@code platlib} subdirectories go to {@code <dist>-<version>.data/}
 * @param bindings       {@code pyo3}, {@code pyo3-ffi}, {@code cffi} or {@code bin}; detected when null
 */
public record MaturinSettings(String moduleName, String pythonSource, List<String> pythonPackages,
                              List<String> include, List<String> exclude, String data, String bindings) {

    public static final MaturinSettings NONE = new MaturinSettings(null, null, null, null, null, null, null);

    /**
     * The POM's settings over pyproject.toml's {@code [tool.maturin]} table; {@code python-source} is detected as
     * maturin detects it ({@link SourceLayout}) where neither sets it.
     */
    public static MaturinSettings resolve(PyprojectFile pyproject, MaturinSettings pom) throws ProjectException {
        TomlTable maturin = pyproject.maturin();
        return new MaturinSettings(
                first(pom.moduleName(), maturin.string("module-name")),
                first(pom.pythonSource(), first(maturin.string("python-source"),
                        SourceLayout.detectedPythonSource(pyproject))),
                first(pom.pythonPackages(), maturin.has("python-packages") ? maturin.strings("python-packages") : null),
                first(pom.include(), globs(maturin, "include", "wheel")),
                first(pom.exclude(), globs(maturin, "exclude", "wheel")),
                first(pom.data(), maturin.string("data")),
                first(pom.bindings(), maturin.string("bindings")));
    }

    private static <T> T first(T pom, T pyproject) {
        return pom != null ? pom : pyproject;
    }

    /** {@code include} or {@code exclude} globs that apply to the source distribution. */
    public static List<String> sdistGlobs(TomlTable maturin, String key) throws ProjectException {
        List<String> globs = globs(maturin, key, "sdist");
        return globs == null ? List.of() : globs;
    }

    /** Strings, or {@code {path = "…", format = "wheel" | "sdist" | [..]}} tables; keeps those for {@code target}. */
    private static List<String> globs(TomlTable maturin, String key, String target) throws ProjectException {
        JsonNode list = maturin.raw(key);
        if (list == null) {
            return null;
        }
        if (!list.isArray()) {
            throw maturin.error(key, "must be an array of globs, not " + TomlTable.describe(list));
        }
        List<String> globs = new ArrayList<>();
        for (JsonNode item : list) {
            if (key.equals("include") && OutDirIncludes.isOutDirTable(item)) {
                continue; // a build script's output, shipped by OutDirIncludes
            }
            if (item.isTextual()) {
                globs.add(item.asText());
            } else if (item.isObject() && item.path("path").isTextual()) {
                if (appliesTo(maturin, key, item.get("format"), target)) {
                    globs.add(item.get("path").asText());
                }
            } else {
                throw maturin.error(key, "holds " + TomlTable.describe(item) + "; each entry must be a glob string"
                        + " or a table {path = \"…\", format = \"wheel\"}.");
            }
        }
        return globs;
    }

    private static boolean appliesTo(TomlTable maturin, String key, JsonNode format, String target)
            throws ProjectException {
        if (format == null) {
            return true;
        }
        List<JsonNode> formats = new ArrayList<>();
        if (format.isArray()) {
            format.forEach(formats::add);
        } else {
            formats.add(format);
        }
        boolean applies = false;
        for (JsonNode f : formats) {
            if (!f.isTextual() || !(f.asText().equals("wheel") || f.asText().equals("sdist"))) {
                throw maturin.error(key, "format " + f + " is neither \"wheel\" nor \"sdist\".");
            }
            applies |= f.asText().equals(target);
        }
        return applies;
    }
}
