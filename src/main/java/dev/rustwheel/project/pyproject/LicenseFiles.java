package dev.rustwheel.project.pyproject;

import dev.rustwheel.project.Globs;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.project.ProjectPaths;
import dev.rustwheel.staging.CrateInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The license files of PEP 639, copied to {@code <dist-info>/licenses/} under their path relative to the project:
 * those {@code license-files} globs match, else those found at the project root by the spec's default patterns
 * ({@code LICEN[CS]E*}, {@code COPYING*}, {@code NOTICE*}, {@code AUTHORS*}), plus {@code license = {file = …}} and
 * Cargo.toml's {@code license-file} when the license comes from Cargo.
 */
public final class LicenseFiles {

    static final List<String> DEFAULT_PATTERNS = List.of("LICEN[CS]E*", "COPYING*", "NOTICE*", "AUTHORS*");

    /** @param path where the file goes under {@code licenses/}, as {@code License-File:} names it */
    public record LicenseFile(String path, Path source) {
    }

    private LicenseFiles() {
    }

    /**
     * @param licenseTableFile the {@code license = {file = …}} path, or null
     * @param cargoCrate       the crate whose {@code license-file} to add, or null when the license is not Cargo's
     */
    static List<LicenseFile> find(TomlTable project, String licenseTableFile, CrateInfo cargoCrate, ProjectPaths paths)
            throws ProjectException {
        // in maturin's order, which License-File follows: Cargo's file, the license table's, then the globs
        Map<String, LicenseFile> found = new LinkedHashMap<>();
        if (cargoCrate != null && cargoCrate.metadata().licenseFile() != null) {
            Path file = cargoCrate.directory().resolve(cargoCrate.metadata().licenseFile()).normalize();
            if (!Files.isRegularFile(file)) {
                throw ProjectException.userError(cargoCrate.manifestPath() + ": [package] license-file names '"
                        + cargoCrate.metadata().licenseFile() + "', which does not exist.", null);
            }
            add(found, file.startsWith(paths.root()) ? paths.root() : file.getParent(), file);
        }
        if (licenseTableFile != null) {
            Path file = paths.resolve(licenseTableFile, project.where("license.file"));
            if (!Files.isRegularFile(file)) {
                throw project.error("license", "names the file '" + licenseTableFile + "', which does not exist in "
                        + paths.root() + ".");
            }
            add(found, paths.root(), file);
        }
        if (project.has("license-files")) {
            for (String pattern : project.strings("license-files")) {
                List<Path> files = Globs.files(paths, pattern, project.where("license-files"));
                if (files.isEmpty()) {
                    throw project.error("license-files", "pattern '" + pattern + "' matches no file under "
                            + paths.root() + ". PEP 639 requires every pattern to match; fix or remove it.");
                }
                for (Path file : files) {
                    add(found, paths.root(), file);
                }
            }
        } else {
            for (String pattern : DEFAULT_PATTERNS) {
                // a loop, not forEach with a lambda: compile finds the license files on every build
                for (Path file : Globs.files(paths, pattern, "the default license-files")) {
                    add(found, paths.root(), file);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    private static void add(Map<String, LicenseFile> found, Path base, Path file) {
        String path = ProjectPaths.relative(base, file);
        found.putIfAbsent(path, new LicenseFile(path, file));
    }
}
