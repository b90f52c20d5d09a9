package dev.rustwheel.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustwheel.project.pyproject.PyprojectFile;
import dev.rustwheel.project.pyproject.TomlTable;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code [tool.maturin] include} tables that ship files a build script generated:
 * {@code { path = "<glob in OUT_DIR>", from = "out-dir", to = "<directory in the wheel>" }}, as maturin reads them.
 * Each file matching {@code path} under the root crate's {@code OUT_DIR} goes to {@code to/<its path there>}.
 */
public final class OutDirIncludes {

    static final String FROM = "out-dir";
    private static final Set<String> KEYS = Set.of("path", "from", "to", "crate-name");

    /** One table: a glob relative to OUT_DIR and the wheel directory its matches go to. */
    record Include(String path, String to) {
    }

    private OutDirIncludes() {
    }

    /** Whether an {@code include} entry is such a table; the plain globs are {@code MaturinSettings}' own. */
    public static boolean isOutDirTable(JsonNode item) {
        return item.isObject() && item.has("from");
    }

    /** The tables of {@code [tool.maturin] include}, each checked; {@code crateName} is the root crate's. */
    static List<Include> read(TomlTable maturin, String crateName) throws ProjectException {
        JsonNode list = maturin.raw("include");
        List<Include> includes = new ArrayList<>();
        if (list == null || !list.isArray()) {
            return includes;
        }
        for (JsonNode item : list) {
            if (!isOutDirTable(item)) {
                continue;
            }
            List<String> unknown = new ArrayList<>();
            item.fieldNames().forEachRemaining(k -> {
                if (!KEYS.contains(k)) {
                    unknown.add(k);
                }
            });
            if (!item.path("from").asText().equals(FROM) || !item.path("path").isTextual()
                    || !item.path("to").isTextual() || !unknown.isEmpty()) {
                throw maturin.error("include", "holds " + item + "; a table with from must read { path = \"<glob in"
                        + " OUT_DIR>\", from = \"out-dir\", to = \"<directory in the wheel>\" }"
                        + (unknown.isEmpty() ? "" : " (unknown keys: " + unknown + ")") + ".");
            }
            JsonNode crate = item.get("crate-name");
            if (crate != null && !crate.asText().equals(crateName)) {
                throw maturin.error("include", "asks for the OUT_DIR of crate '" + crate.asText() + "'; only the"
                        + " crate built here ('" + crateName + "') is supported yet. Have its build script write the"
                        + " files, or remove crate-name.");
            }
            String to = item.get("to").asText().replace('\\', '/');
            if (to.startsWith("/") || List.of(to.split("/")).contains("..")) {
                throw maturin.error("include", "to = '" + to + "' must be a directory inside the wheel, relative and"
                        + " without '..'.");
            }
            includes.add(new Include(item.get("path").asText(), to));
        }
        return includes;
    }

    /**
     * The wheel entries of the out-dir tables of {@code pyproject}.
     *
     * @param warnings receives a line for each table that matched nothing, as maturin warns
     */
    public static List<WheelEntry> entries(PyprojectFile pyproject, CrateInfo crate, Consumer<String> warnings)
            throws ProjectException {
        List<Include> includes = read(pyproject.maturin(), crate.name());
        List<WheelEntry> entries = new ArrayList<>();
        if (includes.isEmpty()) {
            return entries;
        }
        Path outDirectory = crate.outDirectory();
        if (outDirectory == null) {
            throw pyproject.maturin().error("include", "ships files from OUT_DIR (from = \"out-dir\"), but "
                    + crate.manifestPath() + " has no build script, so there is none. Add a build.rs that writes"
                    + " the files to OUT_DIR, or remove the table.");
        }
        ProjectPaths paths = new ProjectPaths(outDirectory);
        for (Include include : includes) {
            List<Path> files = Globs.files(paths, include.path(), pyproject.maturin().where("include") + " path");
            if (files.isEmpty()) {
                warnings.accept("No files matched \"" + include.path() + "\" in OUT_DIR (" + outDirectory + "), as "
                        + pyproject.maturin().where("include") + " asks");
            }
            String prefix = include.to().isEmpty() || include.to().endsWith("/") ? include.to() : include.to() + "/";
            for (Path file : files) {
                String archivePath = prefix + ProjectPaths.relative(paths.root(), file);
                entries.add(new WheelEntry(archivePath, EntryContent.ofFile(file), false));
            }
        }
        return entries;
    }
}
