package dev.rustwheel.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustwheel.json.JsonTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The root package of a crate, as {@code cargo metadata} resolves it (workspace inheritance included), with the
 * fields a wheel's metadata falls back to when {@code pyproject.toml} does not give them.
 *
 * @param readme      as Cargo.toml gives it, relative to the package directory (null when absent)
 * @param licenseFile as Cargo.toml gives it, relative to the package directory (null when absent)
 * @param crateTypes  the crate types of all its targets ({@code cdylib}, {@code bin}, {@code lib}, …)
 */
public record CargoPackage(String id, String name, String version, String description, List<String> authors,
                           String license, String licenseFile, String homepage, String repository,
                           String documentation, String readme, List<String> keywords, Set<String> crateTypes) {

    public CargoPackage {
        authors = List.copyOf(authors);
        keywords = List.copyOf(keywords);
        crateTypes = Set.copyOf(crateTypes);
    }

    /** Whether it builds a shared library Python could load: an extension module, unless it is packaged as bin. */
    public boolean buildsCdylib() {
        return crateTypes.contains("cdylib");
    }

    /** Picks, from {@code cargo metadata} output, the package whose manifest is {@code manifestPath}. */
    static CargoPackage fromMetadata(JsonNode metadata, Path manifestPath) throws CargoException {
        Path wanted = canonical(manifestPath);
        for (JsonNode pkg : metadata.path("packages")) {
            if (canonical(Path.of(pkg.path("manifest_path").asText())).equals(wanted)) {
                return new CargoPackage(pkg.path("id").asText(), pkg.path("name").asText(),
                        pkg.path("version").asText(), text(pkg, "description"), strings(pkg, "authors"),
                        text(pkg, "license"), text(pkg, "license_file"), text(pkg, "homepage"),
                        text(pkg, "repository"), text(pkg, "documentation"), text(pkg, "readme"),
                        strings(pkg, "keywords"), crateTypes(pkg));
            }
        }
        throw new CargoException(CargoException.Reason.NO_MANIFEST, manifestPath + " declares no [package] (it is"
                + " a virtual workspace manifest). Point manifestPath at the Cargo.toml of the workspace member"
                + " that builds the Python module.", null);
    }

    private static Set<String> crateTypes(JsonNode pkg) {
        Set<String> types = new TreeSet<>();
        pkg.path("targets").forEach(t -> t.path("crate_types").forEach(c -> types.add(c.asText())));
        return types;
    }

    private static String text(JsonNode pkg, String field) {
        JsonNode value = pkg.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode pkg, String field) {
        List<String> values = new ArrayList<>();
        pkg.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The workspace's {@code target_directory} from {@code cargo metadata} output. */
    static Path targetDirectory(JsonNode metadata) throws CargoException {
        JsonNode directory = metadata.path("target_directory");
        if (!directory.isTextual() || directory.asText().isEmpty()) {
            throw new CargoException(CargoException.Reason.UNEXPECTED_OUTPUT,
                    "cargo metadata printed no target_directory; is cargo older than 1.24?", null);
        }
        return Path.of(directory.asText());
    }

    static JsonNode parse(String json) throws CargoException {
        try {
            return JsonTrees.json(json);
        } catch (IOException e) {
            throw new CargoException(CargoException.Reason.UNEXPECTED_OUTPUT,
                    "cargo metadata printed something that is not JSON: " + e.getMessage(), e);
        }
    }

    private static Path canonical(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    static boolean exists(Path manifestPath) {
        return Files.isRegularFile(manifestPath);
    }
}
