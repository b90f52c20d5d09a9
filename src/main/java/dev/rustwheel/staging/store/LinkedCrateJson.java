package dev.rustwheel.staging.store;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rustwheel.json.Json;
import dev.rustwheel.json.JsonReader;
import dev.rustwheel.staging.LinkedCrate;
import java.io.IOException;
import java.util.List;

/**
 * The JSON of one {@link LinkedCrate}: in the manifest, and in the {@code cargo metadata} answer the cargo package
 * keeps between builds, which holds the same crates.
 */
public final class LinkedCrateJson {

    private LinkedCrateJson() {
    }

    public static LinkedCrate read(JsonReader json) throws IOException {
        json.beginObject();
        String id = null;
        String name = null;
        String version = null;
        String source = null;
        String license = null;
        Boolean runtime = null;
        List<String> dependsOn = null;
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "id" -> id = json.string();
                case "name" -> name = json.string();
                case "version" -> version = json.string();
                case "source" -> source = json.string();
                case "license" -> license = json.string();
                case "runtime" -> runtime = json.booleanValue();
                case "dependsOn" -> dependsOn = json.strings();
                default -> throw json.unknownField(field);
            }
        }
        return new LinkedCrate(json.require(id, "id"), json.require(name, "name"), json.require(version, "version"),
                source, license, json.require(runtime, "runtime"), json.require(dependsOn, "dependsOn"));
    }

    public static void write(JsonGenerator json, LinkedCrate crate) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", crate.id());
        json.writeStringField("name", crate.name());
        json.writeStringField("version", crate.version());
        json.writeStringField("source", crate.source());
        json.writeStringField("license", crate.license());
        json.writeBooleanField("runtime", crate.runtime());
        json.writeFieldName("dependsOn");
        Json.writeStrings(json, crate.dependsOn());
        json.writeEndObject();
    }
}
