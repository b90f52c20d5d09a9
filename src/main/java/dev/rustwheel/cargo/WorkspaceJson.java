package dev.rustwheel.cargo;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rustwheel.json.Json;
import dev.rustwheel.json.JsonReader;
import dev.rustwheel.staging.LinkedCrate;
import dev.rustwheel.staging.store.LinkedCrateJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@link CargoWorkspace} as {@link MetadataCache} keeps it: what rustwheel takes from {@code cargo metadata}, a few
 * kilobytes where cargo's answer is a hundred for a crate with a handful of dependencies.
 */
final class WorkspaceJson {

    private WorkspaceJson() {
    }

    static String write(CargoWorkspace workspace) throws IOException {
        return new String(Json.compact(json -> {
            json.writeStartObject();
            json.writeFieldName("rootPackage");
            writePackage(json, workspace.rootPackage());
            json.writeStringField("targetDirectory", workspace.targetDirectory().toString());
            json.writeArrayFieldStart("crates");
            for (LinkedCrate crate : workspace.crates()) {
                LinkedCrateJson.write(json, crate);
            }
            json.writeEndArray();
            json.writeEndObject();
        }), StandardCharsets.UTF_8);
    }

    static CargoWorkspace read(String text) throws IOException {
        try (JsonReader json = Json.read(text)) {
            json.beginObject();
            CargoPackage rootPackage = null;
            Path targetDirectory = null;
            List<LinkedCrate> crates = null;
            for (String field; (field = json.nextField()) != null; ) {
                switch (field) {
                    case "rootPackage" -> rootPackage = readPackage(json);
                    case "targetDirectory" -> targetDirectory = Path.of(json.nonNullString());
                    case "crates" -> {
                        json.beginArray();
                        crates = new ArrayList<>();
                        while (json.nextElement()) {
                            crates.add(LinkedCrateJson.read(json));
                        }
                    }
                    default -> throw json.unknownField(field);
                }
            }
            return new CargoWorkspace(json.require(rootPackage, "rootPackage"),
                    json.require(targetDirectory, "targetDirectory"), json.require(crates, "crates"));
        }
    }

    private static void writePackage(JsonGenerator json, CargoPackage root) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", root.id());
        json.writeStringField("name", root.name());
        json.writeStringField("version", root.version());
        json.writeStringField("description", root.description());
        json.writeFieldName("authors");
        Json.writeStrings(json, root.authors());
        json.writeStringField("license", root.license());
        json.writeStringField("licenseFile", root.licenseFile());
        json.writeStringField("homepage", root.homepage());
        json.writeStringField("repository", root.repository());
        json.writeStringField("documentation", root.documentation());
        json.writeStringField("readme", root.readme());
        json.writeFieldName("keywords");
        Json.writeStrings(json, root.keywords());
        json.writeFieldName("crateTypes");
        Json.writeStrings(json, root.crateTypes());
        json.writeEndObject();
    }

    private static CargoPackage readPackage(JsonReader json) throws IOException {
        json.beginObject();
        String id = null;
        String name = null;
        String version = null;
        String description = null;
        List<String> authors = null;
        String license = null;
        String licenseFile = null;
        String homepage = null;
        String repository = null;
        String documentation = null;
        String readme = null;
        List<String> keywords = null;
        List<String> crateTypes = null;
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "id" -> id = json.string();
                case "name" -> name = json.string();
                case "version" -> version = json.string();
                case "description" -> description = json.string();
                case "authors" -> authors = json.strings();
                case "license" -> license = json.string();
                case "licenseFile" -> licenseFile = json.string();
                case "homepage" -> homepage = json.string();
                case "repository" -> repository = json.string();
                case "documentation" -> documentation = json.string();
                case "readme" -> readme = json.string();
                case "keywords" -> keywords = json.strings();
                case "crateTypes" -> crateTypes = json.strings();
                default -> throw json.unknownField(field);
            }
        }
        return new CargoPackage(json.require(id, "id"), json.require(name, "name"), json.require(version, "version"),
                description, json.require(authors, "authors"), license, licenseFile, homepage, repository,
                documentation, readme, json.require(keywords, "keywords"),
                Set.copyOf(json.require(crateTypes, "crateTypes")));
    }
}
