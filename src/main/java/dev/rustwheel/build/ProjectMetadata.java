package dev.rustwheel.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.rustwheel.python.DistributionName;
import dev.rustwheel.python.InvalidDistributionNameException;
import dev.rustwheel.python.InvalidVersionException;
import dev.rustwheel.python.Pep440;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.wheel.CoreMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The distribution's name, version and summary: from {@code pyproject.toml}'s {@code [project]} table where it
 * has them (and does not list them as {@code dynamic}), else from the crate, as maturin does.
 */
record ProjectMetadata(DistributionName name, String version, String summary, String requiresPython) {

    private static final TomlMapper TOML = new TomlMapper();

    static ProjectMetadata resolve(Path pyproject, CrateInfo crate) throws BuildException {
        JsonNode project = readProjectTable(pyproject);
        String name = staticField(project, "name");
        String version = staticField(project, "version");
        version = version == null ? fromCargo(crate) : normalized(version, pyproject);
        return new ProjectMetadata(distributionName(name, pyproject, crate), version,
                staticField(project, "description"), staticField(project, "requires-python"));
    }

    CoreMetadata coreMetadata() {
        CoreMetadata metadata = CoreMetadata.of(name, version);
        if (summary != null) {
            metadata = metadata.withSummary(summary);
        }
        return requiresPython == null ? metadata : metadata.withRequiresPython(requiresPython);
    }

    private static DistributionName distributionName(String fromPyproject, Path pyproject, CrateInfo crate)
            throws BuildException {
        try {
            return DistributionName.of(fromPyproject != null ? fromPyproject : crate.name());
        } catch (InvalidDistributionNameException e) {
            String where = fromPyproject != null ? pyproject + ": [project] name" : crate.manifestPath()
                    + ": [package] name";
            throw BuildException.userError(where + ": " + e.getMessage(), e);
        }
    }

    private static String fromCargo(CrateInfo crate) throws BuildException {
        try {
            return Pep440.fromSemVer(crate.version());
        } catch (InvalidVersionException e) {
            throw BuildException.userError(crate.manifestPath() + ": [package] version: " + e.getMessage(), e);
        }
    }

    private static String normalized(String version, Path pyproject) throws BuildException {
        try {
            return Pep440.normalize(version);
        } catch (InvalidVersionException e) {
            throw BuildException.userError(pyproject + ": [project] version = \"" + version + "\" is not a valid"
                    + " PEP 440 version. Use a version such as 1.2.3, 1.2.3rc1 or 1.2.3.dev4.", e);
        }
    }

    private static JsonNode readProjectTable(Path pyproject) throws BuildException {
        if (pyproject == null || !Files.isRegularFile(pyproject)) {
            return null;
        }
        try {
            return TOML.readTree(pyproject.toFile()).get("project");
        } catch (IOException e) {
            throw BuildException.userError("Cannot read " + pyproject + ": " + e.getMessage()
                    + ". Fix the TOML syntax, or remove the file to take name and version from Cargo.toml.", e);
        }
    }

    /** A field's value, unless [project] lists it as dynamic (to be filled from Cargo.toml). */
    private static String staticField(JsonNode project, String field) {
        if (project == null || !project.hasNonNull(field)) {
            return null;
        }
        for (JsonNode dynamic : project.path("dynamic")) {
            if (field.equals(dynamic.asText())) {
                return null;
            }
        }
        return project.get(field).asText();
    }
}
