package dev.rustwheel.staging.store;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rustwheel.json.Json;
import dev.rustwheel.json.JsonReader;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import dev.rustwheel.staging.LinkedCrate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of the crate a manifest records: {@link CrateInfo}, its metadata and the crates it links. */
final class CrateJson {

    private CrateJson() {
    }

    static CrateInfo readCrate(JsonReader json) throws IOException {
        json.beginObject();
        Path manifestPath = null;
        String name = null;
        String version = null;
        Path targetDirectory = null;
        CrateMetadata metadata = null;
        Map<String, List<String>> bindingCrates = null;
        List<LinkedCrate> linkedCrates = null;
        Path outDirectory = null;
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "manifestPath" -> manifestPath = ManifestJson.path(json);
                case "name" -> name = json.string();
                case "version" -> version = json.string();
                case "targetDirectory" -> targetDirectory = ManifestJson.path(json);
                case "metadata" -> metadata = readMetadata(json);
                case "bindingCrates" -> {
                    json.beginObject();
                    bindingCrates = new LinkedHashMap<>();
                    for (String crate; (crate = json.nextField()) != null; ) {
                        bindingCrates.put(crate, json.strings());
                    }
                }
                case "linkedCrates" -> {
                    json.beginArray();
                    linkedCrates = new ArrayList<>();
                    while (json.nextElement()) {
                        linkedCrates.add(LinkedCrateJson.read(json));
                    }
                }
                case "outDirectory" -> outDirectory = ManifestJson.path(json);
                default -> throw json.unknownField(field);
            }
        }
        return new CrateInfo(json.require(manifestPath, "manifestPath"), json.require(name, "name"),
                json.require(version, "version"), targetDirectory, json.require(metadata, "metadata"),
                json.require(bindingCrates, "bindingCrates"), json.require(linkedCrates, "linkedCrates"),
                outDirectory);
    }

    static void writeCrate(JsonGenerator json, CrateInfo crate) throws IOException {
        json.writeStartObject();
        json.writeStringField("manifestPath", ManifestJson.string(crate.manifestPath()));
        json.writeStringField("name", crate.name());
        json.writeStringField("version", crate.version());
        json.writeStringField("targetDirectory", ManifestJson.string(crate.targetDirectory()));
        json.writeFieldName("metadata");
        writeMetadata(json, crate.metadata());
        json.writeObjectFieldStart("bindingCrates");
        for (Map.Entry<String, List<String>> binding : crate.bindingCrates().entrySet()) {
            json.writeFieldName(binding.getKey());
            Json.writeStrings(json, binding.getValue());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("linkedCrates");
        for (LinkedCrate linked : crate.linkedCrates()) {
            LinkedCrateJson.write(json, linked);
        }
        json.writeEndArray();
        json.writeStringField("outDirectory", ManifestJson.string(crate.outDirectory()));
        json.writeEndObject();
    }

    private static CrateMetadata readMetadata(JsonReader json) throws IOException {
        json.beginObject();
        String description = null;
        List<String> authors = null;
        String license = null;
        String licenseFile = null;
        String homepage = null;
        String repository = null;
        String documentation = null;
        String readme = null;
        List<String> keywords = null;
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "description" -> description = json.string();
                case "authors" -> authors = json.strings();
                case "license" -> license = json.string();
                case "licenseFile" -> licenseFile = json.string();
                case "homepage" -> homepage = json.string();
                case "repository" -> repository = json.string();
                case "documentation" -> documentation = json.string();
                case "readme" -> readme = json.string();
                case "keywords" -> keywords = json.strings();
                default -> throw json.unknownField(field);
            }
        }
        return new CrateMetadata(description, json.require(authors, "authors"), license, licenseFile, homepage,
                repository, documentation, readme, json.require(keywords, "keywords"));
    }

    private static void writeMetadata(JsonGenerator json, CrateMetadata metadata) throws IOException {
        json.writeStartObject();
        json.writeStringField("description", metadata.description());
        json.writeFieldName("authors");
        Json.writeStrings(json, metadata.authors());
        json.writeStringField("license", metadata.license());
        json.writeStringField("licenseFile", metadata.licenseFile());
        json.writeStringField("homepage", metadata.homepage());
        json.writeStringField("repository", metadata.repository());
        json.writeStringField("documentation", metadata.documentation());
        json.writeStringField("readme", metadata.readme());
        json.writeFieldName("keywords");
        Json.writeStrings(json, metadata.keywords());
        json.writeEndObject();
    }
}
