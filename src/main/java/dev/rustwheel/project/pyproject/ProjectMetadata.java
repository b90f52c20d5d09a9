package dev.rustwheel.project.pyproject;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.project.ProjectPaths;
import dev.rustwheel.python.DistributionName;
import dev.rustwheel.python.InvalidDistributionNameException;
import dev.rustwheel.python.InvalidRequirementException;
import dev.rustwheel.python.InvalidVersionException;
import dev.rustwheel.python.Pep440;
import dev.rustwheel.python.Pep508;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import dev.rustwheel.wheel.CoreMetadata;
import dev.rustwheel.wheel.EntryPoints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A wheel's metadata from PEP 621 {@code [project]}, falling back to the crate's Cargo.toml for the fields
 * {@code [project]} lists as {@code dynamic}, or for every field when there is no {@code [project]} table, as
 * maturin does. Every value is checked here, so that an error names the file and the field.
 *
 * @param licenseFiles the files copied to {@code <dist-info>/licenses/}
 * @param warnings     what was read more leniently than PEP 621 says, as maturin reads it, for the build log
 */
public record ProjectMetadata(DistributionName name, String version, CoreMetadata coreMetadata,
                       List<LicenseFiles.LicenseFile> licenseFiles, EntryPoints entryPoints, List<String> warnings) {

    /** Fields PEP 621 lets a build backend fill in, and that Cargo.toml can supply. */
    private static final Set<String> DYNAMIC_FROM_CARGO = Set.of("version", "description", "authors", "license",
            "urls", "readme", "keywords");
    private static final Set<String> DYNAMIC_ALLOWED = Set.of("version", "description", "readme", "requires-python",
            "license", "license-files", "authors", "maintainers", "keywords", "classifiers", "urls", "scripts",
            "gui-scripts", "entry-points", "dependencies", "optional-dependencies");
    /** An SPDX license expression of ids, {@code AND}/{@code OR}/{@code WITH} and parentheses. */
    private static final Pattern SPDX_EXPRESSION = Pattern.compile(
            "[A-Za-z0-9.+-]+(?::[A-Za-z0-9.+-]+)?(?:\\s+(?:AND|OR|WITH)\\s+\\(*\\s*[A-Za-z0-9.+-]+(?::[A-Za-z0-9.+-]+)?"
                    + "\\s*\\)*)*");

    public static ProjectMetadata resolve(Path pyprojectPath, CrateInfo crate) throws ProjectException {
        return resolve(PyprojectFile.read(pyprojectPath), crate);
    }

    public static ProjectMetadata resolve(PyprojectFile pyproject, CrateInfo crate) throws ProjectException {
        return resolve(pyproject, crate, null);
    }

    /**
     * @param versionOverride the wheel's version as the build configures it (PEP 440, normalized), winning over
     *                        pyproject.toml and Cargo.toml; null to take it from them
     */
    public static ProjectMetadata resolve(PyprojectFile pyproject, CrateInfo crate, String versionOverride)
            throws ProjectException {
        TomlTable project = pyproject.project();
        List<String> warnings = new ArrayList<>();
        Set<String> cargoFields = cargoFields(project, warnings);
        CrateMetadata cargo = crate.metadata();
        ProjectPaths paths = new ProjectPaths(pyproject.projectDirectory());

        DistributionName name = distributionName(project, crate);
        String version = versionOverride != null ? versionOverride
                : project.has("version") ? normalized(project) : fromCargo(crate);
        CoreMetadata.Builder metadata = CoreMetadata.builder(name, version);

        String summary = cargoFields.contains("description") ? cargo.description() : project.string("description");
        if (summary != null) {
            if (summary.contains("\n") || summary.contains("\r")) {
                throw cargoFields.contains("description")
                        ? ProjectException.userError(crate.manifestPath() + ": [package] description must be a single"
                        + " line to become the wheel's Summary; shorten it, or set description in pyproject.toml's"
                        + " [project] table.", null)
                        : project.error("description", "must be a single line (it becomes the Summary field); put"
                        + " longer text in readme.");
            }
            metadata.summary(summary.strip());
        }
        // plain code rather than lambdas and method references in this class: compile resolves the metadata on
        // every build, and each lambda would cost a warm build its own class
        Optional<Readme> readme = Readme.resolve(project, cargoFields.contains("readme"), crate, paths);
        if (readme.isPresent()) {
            metadata.description(readme.get().text(), readme.get().contentType());
        }
        requiresPython(project, metadata);
        if (cargoFields.contains("keywords")) {
            metadata.keywords(cargo.keywords());
        } else {
            metadata.keywords(project.strings("keywords"));
        }
        if (cargoFields.contains("authors")) {
            cargoAuthors(cargo.authors(), metadata);
        } else {
            people(project, "authors", metadata, false);
        }
        people(project, "maintainers", metadata, true);
        List<LicenseFiles.LicenseFile> licenseFiles = license(project, cargoFields.contains("license"), crate, paths,
                metadata);
        metadata.classifiers(project.strings("classifiers"));
        urls(project, cargoFields.contains("urls"), cargo, metadata);
        dependencies(project, metadata);
        return new ProjectMetadata(name, version, metadata.build(), licenseFiles, entryPoints(project),
                List.copyOf(warnings));
    }

    /**
     * The fields to take from Cargo.toml: all of them without [project], else those listed as dynamic. A field both
     * dynamic and set breaks PEP 621, but maturin merges the two (its own test crates rely on it): so do we, saying
     * so. {@code license} keeps both values (Cargo's as License, [project]'s beside it); elsewhere [project] wins.
     */
    private static Set<String> cargoFields(TomlTable project, List<String> warnings) throws ProjectException {
        if (!project.exists()) {
            return DYNAMIC_FROM_CARGO;
        }
        Set<String> dynamic = new HashSet<>();
        for (String field : project.strings("dynamic")) {
            if (!DYNAMIC_ALLOWED.contains(field)) {
                throw project.error("dynamic", "lists '" + field + "', which is not a [project] field that may be"
                        + " dynamic (name never is). Remove it from dynamic.");
            }
            if (project.has(field)) {
                boolean merged = field.equals("license");
                warnings.add(project.where("dynamic") + " lists '" + field + "', but [project] also sets " + field
                        + "; PEP 621 allows one or the other. " + (merged ? "Merged with Cargo.toml's license"
                        : "[project]'s value is used") + ", as maturin does. Remove it from dynamic, or remove the"
                        + " value, to make the intent plain.");
                if (!merged) {
                    continue;
                }
            }
            dynamic.add(field);
        }
        dynamic.retainAll(DYNAMIC_FROM_CARGO);
        return dynamic;
    }

    /** The distribution's name alone ({@code [project] name}, else the crate's), for a goal needing no more. */
    public static DistributionName name(PyprojectFile pyproject, CrateInfo crate) throws ProjectException {
        return distributionName(pyproject.project(), crate);
    }

    private static DistributionName distributionName(TomlTable project, CrateInfo crate) throws ProjectException {
        String fromPyproject = project.string("name");
        try {
            return DistributionName.of(fromPyproject != null ? fromPyproject : crate.name());
        } catch (InvalidDistributionNameException e) {
            String where = fromPyproject != null ? project.where("name") : crate.manifestPath() + ": [package] name";
            throw ProjectException.userError(where + ": " + e.getMessage(), e);
        }
    }

    private static String fromCargo(CrateInfo crate) throws ProjectException {
        try {
            return Pep440.fromSemVer(crate.version());
        } catch (InvalidVersionException e) {
            throw ProjectException.userError(crate.manifestPath() + ": [package] version: " + e.getMessage(), e);
        }
    }

    private static String normalized(TomlTable project) throws ProjectException {
        String version = project.string("version");
        try {
            return Pep440.normalize(version);
        } catch (InvalidVersionException e) {
            throw ProjectException.userError(project.where("version") + " = \"" + version + "\" is not a valid"
                    + " PEP 440 version. Use a version such as 1.2.3, 1.2.3rc1 or 1.2.3.dev4.", e);
        }
    }

    private static void requiresPython(TomlTable project, CoreMetadata.Builder metadata) throws ProjectException {
        String requiresPython = project.string("requires-python");
        if (requiresPython == null) {
            return;
        }
        try {
            Pep508.validateSpecifierSet(requiresPython);
        } catch (InvalidRequirementException e) {
            throw project.error("requires-python", "= \"" + requiresPython + "\" is not a version specifier set: "
                    + e.getMessage() + ". Write it as, for example, \">=3.9\".");
        }
        metadata.requiresPython(requiresPython.strip());
    }

    /**
     * Cargo.toml does not tell names from addresses: as maturin, Author gets the authors as written, and
     * Author-email the same text where any of them holds an address.
     */
    private static void cargoAuthors(List<String> authors, CoreMetadata.Builder metadata) {
        if (authors.isEmpty()) {
            return;
        }
        String joined = String.join(", ", authors);
        metadata.author(joined);
        if (joined.contains("@")) {
            metadata.authorEmail(joined);
        }
    }

    /** PEP 621 {@code authors}/{@code maintainers}: tables with a name, an email or both. */
    private static void people(TomlTable project, String key, CoreMetadata.Builder metadata, boolean maintainers)
            throws ProjectException {
        JsonNode list = project.raw(key);
        if (list == null) {
            return;
        }
        if (!list.isArray()) {
            throw project.error(key, "must be an array of tables such as {name = \"Jane Doe\", email ="
                    + " \"jane@example.org\"}, not " + TomlTable.describe(list));
        }
        for (JsonNode person : list) {
            JsonNode name = person.get("name");
            JsonNode email = person.get("email");
            boolean onlyKnownKeys = person.isObject() && person.size() == (name == null ? 0 : 1) + (email == null ? 0 : 1);
            if (!person.isObject() || (name == null && email == null) || !onlyKnownKeys
                    || (name != null && !name.isTextual()) || (email != null && !email.isTextual())) {
                throw project.error(key, "holds " + TomlTable.describe(person) + " " + person + "; each entry must"
                        + " be a table with a string name, a string email, or both.");
            }
            if (name != null && name.asText().contains(",")) {
                throw project.error(key, "name \"" + name.asText() + "\" contains a comma, which the metadata"
                        + " field uses to separate people. Remove the comma.");
            }
            if (email != null && !email.asText().matches("[^\\s@<>,]+@[^\\s@<>,]+")) {
                throw project.error(key, "email \"" + email.asText() + "\" is not an e-mail address.");
            }
            if (email == null && maintainers) {
                metadata.maintainer(name.asText());
            } else if (email == null) {
                metadata.author(name.asText());
            } else {
                String address = name == null ? email.asText() : name.asText() + " <" + email.asText() + ">";
                if (maintainers) {
                    metadata.maintainerEmail(address);
                } else {
                    metadata.authorEmail(address);
                }
            }
        }
    }

    private static List<LicenseFiles.LicenseFile> license(TomlTable project, boolean fromCargo, CrateInfo crate,
                                                          ProjectPaths paths, CoreMetadata.Builder metadata)
            throws ProjectException {
        if (fromCargo && crate.metadata().license() != null) {
            // maturin writes Cargo's license as the License field, whatever its form
            metadata.license(crate.metadata().license().strip());
        }
        String licenseFile = null;
        JsonNode license = project.raw("license");
        if (license != null && license.isTextual()) {
            if (!SPDX_EXPRESSION.matcher(license.asText().strip()).matches()) {
                throw project.error("license", "= \"" + license.asText() + "\" is not an SPDX license"
                        + " expression. Write one such as \"MIT\" or \"MIT OR Apache-2.0\" (see"
                        + " https://spdx.org/licenses/).");
            }
            metadata.licenseExpression(license.asText().strip());
        } else if (license != null && license.isObject() && license.size() == 1 && license.path("file").isTextual()) {
            licenseFile = license.get("file").asText();
        } else if (license != null && license.isObject() && license.size() == 1 && license.path("text").isTextual()) {
            String text = license.get("text").asText().strip();
            if (text.contains("\n")) {
                throw project.error("license", "text must be a single line. Use an SPDX expression"
                        + " (license = \"MIT\") and put the full text in a license file.");
            }
            metadata.license(text);
        } else if (license != null) {
            throw project.error("license", "must be an SPDX expression string, {file = \"…\"} or {text ="
                    + " \"…\"}, not " + TomlTable.describe(license));
        }
        List<LicenseFiles.LicenseFile> files = LicenseFiles.find(project, licenseFile, fromCargo ? crate : null, paths);
        for (LicenseFiles.LicenseFile file : files) {
            metadata.licenseFile(file.path());
        }
        return files;
    }

    private static void urls(TomlTable project, boolean fromCargo, CrateMetadata cargo, CoreMetadata.Builder metadata)
            throws ProjectException {
        if (cargo.homepage() != null && !cargo.homepage().isBlank()) {
            metadata.homePage(cargo.homepage().strip()); // maturin writes it whatever [project] says
        }
        if (fromCargo) {
            addUrl(metadata, "Homepage", cargo.homepage());
            addUrl(metadata, "Documentation", cargo.documentation());
            addUrl(metadata, "Source Code", cargo.repository());
            return;
        }
        // in key order, as maturin writes them (its TOML reader hands tables over sorted)
        for (Map.Entry<String, String> url : new TreeMap<>(project.stringTable("urls")).entrySet()) {
            if (url.getKey().length() > 32 || url.getKey().contains(",")) {
                throw project.error("urls", "label \"" + url.getKey() + "\" must be at most 32 characters long and"
                        + " hold no comma. Shorten it.");
            }
            if (!url.getValue().matches("[A-Za-z][A-Za-z0-9+.-]*://\\S+")) {
                throw project.error("urls", "\"" + url.getKey() + "\" = \"" + url.getValue() + "\" is not a URL"
                        + " (such as https://example.org).");
            }
            metadata.projectUrl(url.getKey(), url.getValue());
        }
    }

    private static void addUrl(CoreMetadata.Builder metadata, String label, String url) {
        if (url != null && !url.isBlank()) {
            metadata.projectUrl(label, url.strip());
        }
    }

    private static void dependencies(TomlTable project, CoreMetadata.Builder metadata) throws ProjectException {
        for (String dependency : project.strings("dependencies")) {
            metadata.requiresDist(requirement(project, "dependencies", dependency));
        }
        TomlTable optional = project.table("optional-dependencies");
        Set<String> extras = new HashSet<>();
        for (String extra : new TreeSet<>(optional.keys())) { // in key order, as maturin writes them
            String normalized;
            try {
                normalized = Pep508.normalizeExtra(extra);
            } catch (InvalidRequirementException e) {
                throw project.error("optional-dependencies", e.getMessage() + ".");
            }
            if (!extras.add(normalized)) {
                throw project.error("optional-dependencies", "declares the extra '" + normalized + "' twice (extra"
                        + " names are compared in normal form). Merge them.");
            }
            metadata.providesExtra(normalized);
            for (String dependency : optional.strings(extra)) {
                metadata.requiresDist(Pep508.withExtra(requirement(optional, extra, dependency), normalized));
            }
        }
    }

    private static String requirement(TomlTable table, String key, String dependency) throws ProjectException {
        try {
            Pep508.validateRequirement(dependency);
        } catch (InvalidRequirementException e) {
            throw table.error(key, "holds an invalid dependency: " + e.getMessage() + ". Write it as, for example,"
                    + " \"requests>=2.31; python_version >= '3.9'\".");
        }
        return Pep508.withMarkerSpacing(dependency);
    }

    private static EntryPoints entryPoints(TomlTable project) throws ProjectException {
        EntryPoints entryPoints = new EntryPoints();
        try {
            add(entryPoints, "console_scripts", project.stringTable("scripts"));
            add(entryPoints, "gui_scripts", project.stringTable("gui-scripts"));
        } catch (IllegalArgumentException e) {
            throw project.error("scripts", e.getMessage() + ".");
        }
        TomlTable groups = project.table("entry-points");
        for (String group : groups.keys()) {
            if (group.equals("console_scripts") || group.equals("gui_scripts")) {
                throw groups.error(group, "must not be declared here: PEP 621 puts them in [project.scripts] and"
                        + " [project.gui-scripts]. Move the entries there.");
            }
            try {
                add(entryPoints, group, groups.stringTable(group));
            } catch (IllegalArgumentException e) {
                throw groups.error(group, e.getMessage() + ".");
            }
        }
        return entryPoints;
    }

    private static void add(EntryPoints entryPoints, String group, Map<String, String> references) {
        for (Map.Entry<String, String> reference : references.entrySet()) {
            entryPoints.add(group, reference.getKey(), reference.getValue());
        }
    }
}
