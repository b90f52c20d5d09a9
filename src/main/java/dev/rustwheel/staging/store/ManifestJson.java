package dev.rustwheel.staging.store;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rustwheel.json.Json;
import dev.rustwheel.json.JsonReader;
import dev.rustwheel.overlay.Overlay;
import dev.rustwheel.staging.AuditRecord;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.GraftedLibrary;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelLayout;
import dev.rustwheel.staging.WheelRecord;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The manifest's JSON, written and read field by field: each record's fields under their own names, in their
 * declaration order, paths as plain strings, byte arrays as base64, absent values as {@code null}. Reading is
 * strict: an unknown field, a value of the wrong type or a missing one fails, naming it; only fields that may be
 * null may be absent ({@code digested} was added without a schema change).
 */
final class ManifestJson {

    private ManifestJson() {
    }

    /**
     * The manifest's {@code schemaVersion} as written ({@code 3}, or {@link JsonReader#describe} of whatever else is
     * there), read before anything else so that a manifest of another version is refused for its version, not for
     * its shape.
     *
     * @return null when the document is not an object or has no {@code schemaVersion}
     */
    static String schemaVersion(JsonReader json) throws IOException {
        if (!json.isObject()) {
            return null;
        }
        json.beginObject();
        for (String field; (field = json.nextField()) != null; ) {
            if (field.equals("schemaVersion")) {
                return json.describe();
            }
            json.skip();
        }
        return null;
    }

    static StagingManifest readManifest(JsonReader json) throws IOException {
        json.beginObject();
        Integer schemaVersion = null;
        CrateInfo crate = null;
        List<Path> linkedPaths = null;
        List<StagedArtifact> artifacts = null;
        AuditRecord audit = null;
        List<GraftedLibrary> grafted = null;
        WheelLayout layout = null;
        List<WheelRecord> wheels = null;
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "schemaVersion" -> schemaVersion = json.intValue();
                case "crate" -> crate = CrateJson.readCrate(json);
                case "linkedPaths" -> {
                    json.beginArray();
                    linkedPaths = new ArrayList<>();
                    while (json.nextElement()) {
                        linkedPaths.add(nonNullPath(json));
                    }
                }
                case "artifacts" -> {
                    json.beginArray();
                    artifacts = new ArrayList<>();
                    while (json.nextElement()) {
                        artifacts.add(ArtifactJson.readArtifact(json));
                    }
                }
                case "audit" -> audit = json.isNull() ? null : readAudit(json);
                case "grafted" -> {
                    json.beginArray();
                    grafted = new ArrayList<>();
                    while (json.nextElement()) {
                        grafted.add(readGrafted(json));
                    }
                }
                case "layout" -> layout = json.isNull() ? null : readLayout(json);
                case "wheels" -> {
                    json.beginArray();
                    wheels = new ArrayList<>();
                    while (json.nextElement()) {
                        wheels.add(readWheel(json));
                    }
                }
                default -> throw json.unknownField(field);
            }
        }
        return new StagingManifest(json.require(schemaVersion, "schemaVersion"), json.require(crate, "crate"),
                json.require(linkedPaths, "linkedPaths"), json.require(artifacts, "artifacts"), audit,
                json.require(grafted, "grafted"), layout, json.require(wheels, "wheels"));
    }

    /** Writes {@code manifest}: a class rather than a lambda, which would cost every goal's first write a class. */
    record Writer(StagingManifest manifest) implements Json.Body {
        @Override
        public void writeTo(JsonGenerator json) throws IOException {
            writeManifest(json, manifest);
        }
    }

    static void writeManifest(JsonGenerator json, StagingManifest manifest) throws IOException {
        json.writeStartObject();
        json.writeNumberField("schemaVersion", manifest.schemaVersion());
        json.writeFieldName("crate");
        CrateJson.writeCrate(json, manifest.crate());
        json.writeFieldName("linkedPaths");
        json.writeStartArray();
        for (Path path : manifest.linkedPaths()) {
            json.writeString(path.toString());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("artifacts");
        for (StagedArtifact artifact : manifest.artifacts()) {
            ArtifactJson.writeArtifact(json, artifact);
        }
        json.writeEndArray();
        json.writeFieldName("audit");
        writeAudit(json, manifest.audit());
        json.writeArrayFieldStart("grafted");
        for (GraftedLibrary library : manifest.grafted()) {
            writeGrafted(json, library);
        }
        json.writeEndArray();
        json.writeFieldName("layout");
        writeLayout(json, manifest.layout());
        json.writeArrayFieldStart("wheels");
        for (WheelRecord wheel : manifest.wheels()) {
            writeWheel(json, wheel);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static AuditRecord readAudit(JsonReader json) throws IOException {
        json.beginObject();
        String compatibility = null;
        String policy = null;
        List<String> platformTags = null;
        Map<String, String> highestVersions = null;
        List<String> externalLibraries = null;
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "compatibility" -> compatibility = json.string();
                case "policy" -> policy = json.string();
                case "platformTags" -> platformTags = json.strings();
                case "highestVersions" -> highestVersions = json.stringMap();
                case "externalLibraries" -> externalLibraries = json.strings();
                default -> throw json.unknownField(field);
            }
        }
        return new AuditRecord(compatibility, policy, json.require(platformTags, "platformTags"),
                json.require(highestVersions, "highestVersions"), json.require(externalLibraries, "externalLibraries"));
    }

    private static void writeAudit(JsonGenerator json, AuditRecord audit) throws IOException {
        if (audit == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("compatibility", audit.compatibility());
        json.writeStringField("policy", audit.policy());
        json.writeFieldName("platformTags");
        Json.writeStrings(json, audit.platformTags());
        json.writeObjectFieldStart("highestVersions");
        for (Map.Entry<String, String> version : audit.highestVersions().entrySet()) {
            json.writeStringField(version.getKey(), version.getValue());
        }
        json.writeEndObject();
        json.writeFieldName("externalLibraries");
        Json.writeStrings(json, audit.externalLibraries());
        json.writeEndObject();
    }

    private static GraftedLibrary readGrafted(JsonReader json) throws IOException {
        json.beginObject();
        List<String> sonames = null;
        Path sourcePath = null;
        String archivePath = null;
        String sha256 = null;
        Long sourceSize = null;
        String sourceModified = null;
        Overlay overlay = null;
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "sonames" -> sonames = json.strings();
                case "sourcePath" -> sourcePath = path(json);
                case "archivePath" -> archivePath = json.string();
                case "sha256" -> sha256 = json.string();
                case "sourceSize" -> sourceSize = json.longValue();
                case "sourceModified" -> sourceModified = json.string();
                case "overlay" -> overlay = json.isNull() ? null : ArtifactJson.readOverlay(json);
                default -> throw json.unknownField(field);
            }
        }
        return new GraftedLibrary(json.require(sonames, "sonames"), json.require(sourcePath, "sourcePath"),
                json.require(archivePath, "archivePath"), sha256, json.require(sourceSize, "sourceSize"),
                sourceModified, overlay);
    }

    private static void writeGrafted(JsonGenerator json, GraftedLibrary library) throws IOException {
        json.writeStartObject();
        json.writeFieldName("sonames");
        Json.writeStrings(json, library.sonames());
        json.writeStringField("sourcePath", string(library.sourcePath()));
        json.writeStringField("archivePath", library.archivePath());
        json.writeStringField("sha256", library.sha256());
        json.writeNumberField("sourceSize", library.sourceSize());
        json.writeStringField("sourceModified", library.sourceModified());
        json.writeFieldName("overlay");
        ArtifactJson.writeOverlay(json, library.overlay());
        json.writeEndObject();
    }

    private static WheelLayout readLayout(JsonReader json) throws IOException {
        json.beginObject();
        String[] values = new String[LAYOUT_FIELDS.size()];
        for (String field; (field = json.nextField()) != null; ) {
            int index = LAYOUT_FIELDS.indexOf(field);
            if (index < 0) {
                throw json.unknownField(field);
            }
            values[index] = json.string();
        }
        for (int i = 0; i < values.length; i++) {
            json.require(values[i], LAYOUT_FIELDS.get(i));
        }
        return new WheelLayout(values[0], values[1], values[2], values[3], values[4], values[5]);
    }

    /** {@link WheelLayout}'s components, in order. */
    private static final List<String> LAYOUT_FIELDS = List.of("bindings", "moduleName", "moduleDirectory",
            "distribution", "libsDirectory", "scriptsDirectory");

    private static void writeLayout(JsonGenerator json, WheelLayout layout) throws IOException {
        if (layout == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("bindings", layout.bindings());
        json.writeStringField("moduleName", layout.moduleName());
        json.writeStringField("moduleDirectory", layout.moduleDirectory());
        json.writeStringField("distribution", layout.distribution());
        json.writeStringField("libsDirectory", layout.libsDirectory());
        json.writeStringField("scriptsDirectory", layout.scriptsDirectory());
        json.writeEndObject();
    }

    private static WheelRecord readWheel(JsonReader json) throws IOException {
        json.beginObject();
        Path file = null;
        Long size = null;
        String modified = null;
        String settings = null;
        List<WheelRecord.Entry> entries = null;
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "file" -> file = path(json);
                case "size" -> size = json.longValue();
                case "modified" -> modified = json.string();
                case "settings" -> settings = json.string();
                case "entries" -> {
                    json.beginArray();
                    entries = new ArrayList<>();
                    while (json.nextElement()) {
                        entries.add(readEntry(json));
                    }
                }
                default -> throw json.unknownField(field);
            }
        }
        return new WheelRecord(json.require(file, "file"), json.require(size, "size"),
                json.require(modified, "modified"), json.require(settings, "settings"),
                json.require(entries, "entries"));
    }

    private static WheelRecord.Entry readEntry(JsonReader json) throws IOException {
        json.beginObject();
        String path = null;
        String fingerprint = null;
        String sha256 = null;
        Long size = null;
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "path" -> path = json.string();
                case "fingerprint" -> fingerprint = json.string();
                case "sha256" -> sha256 = json.string();
                case "size" -> size = json.longValue();
                default -> throw json.unknownField(field);
            }
        }
        return new WheelRecord.Entry(json.require(path, "path"), json.require(fingerprint, "fingerprint"),
                json.require(sha256, "sha256"), json.require(size, "size"));
    }

    private static void writeWheel(JsonGenerator json, WheelRecord wheel) throws IOException {
        json.writeStartObject();
        json.writeStringField("file", string(wheel.file()));
        json.writeNumberField("size", wheel.size());
        json.writeStringField("modified", wheel.modified());
        json.writeStringField("settings", wheel.settings());
        json.writeArrayFieldStart("entries");
        for (WheelRecord.Entry entry : wheel.entries()) {
            json.writeStartObject();
            json.writeStringField("path", entry.path());
            json.writeStringField("fingerprint", entry.fingerprint());
            json.writeStringField("sha256", entry.sha256());
            json.writeNumberField("size", entry.size());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    static Path path(JsonReader json) throws IOException {
        return json.isNull() ? null : nonNullPath(json);
    }

    private static Path nonNullPath(JsonReader json) throws IOException {
        String path = json.nonNullString();
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            throw json.error("is not a path here (" + e.getMessage() + ")");
        }
    }

    static String string(Path path) {
        return path == null ? null : path.toString();
    }
}
