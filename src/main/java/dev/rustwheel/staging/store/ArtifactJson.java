package dev.rustwheel.staging.store;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rustwheel.json.JsonReader;
import dev.rustwheel.overlay.Overlay;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.FileIdentity;
import dev.rustwheel.staging.StagedArtifact;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The JSON of one artifact a manifest records: {@link StagedArtifact}, its file identity and overlay. */
final class ArtifactJson {

    private ArtifactJson() {
    }

    static StagedArtifact readArtifact(JsonReader json) throws IOException {
        json.beginObject();
        ArtifactKind kind = null;
        String name = null;
        Path cargoPath = null;
        Path stagedPath = null;
        Long size = null;
        String sha256 = null;
        Boolean fresh = null;
        ArtifactState state = null;
        Overlay overlay = null;
        FileIdentity digested = null;
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "kind" -> kind = kind(json);
                case "name" -> name = json.string();
                case "cargoPath" -> cargoPath = ManifestJson.path(json);
                case "stagedPath" -> stagedPath = ManifestJson.path(json);
                case "size" -> size = json.longValue();
                case "sha256" -> sha256 = json.string();
                case "fresh" -> fresh = json.booleanValue();
                case "state" -> state = state(json);
                case "overlay" -> overlay = json.isNull() ? null : readOverlay(json);
                case "digested" -> digested = json.isNull() ? null : readIdentity(json);
                default -> throw json.unknownField(field);
            }
        }
        return new StagedArtifact(json.require(kind, "kind"), json.require(name, "name"),
                json.require(cargoPath, "cargoPath"), json.require(stagedPath, "stagedPath"), json.require(size, "size"),
                sha256, json.require(fresh, "fresh"), json.require(state, "state"), overlay, digested);
    }

    static void writeArtifact(JsonGenerator json, StagedArtifact artifact) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", artifact.kind().toString());
        json.writeStringField("name", artifact.name());
        json.writeStringField("cargoPath", ManifestJson.string(artifact.cargoPath()));
        json.writeStringField("stagedPath", ManifestJson.string(artifact.stagedPath()));
        json.writeNumberField("size", artifact.size());
        json.writeStringField("sha256", artifact.sha256());
        json.writeBooleanField("fresh", artifact.fresh());
        json.writeStringField("state", artifact.state().name());
        json.writeFieldName("overlay");
        writeOverlay(json, artifact.overlay());
        json.writeFieldName("digested");
        writeIdentity(json, artifact.digested());
        json.writeEndObject();
    }

    /** A file's identity; also how {@link RepairCache} keeps the identities of the files a verdict depends on. */
    static FileIdentity readIdentity(JsonReader json) throws IOException {
        json.beginObject();
        String fileKey = null;
        Long size = null;
        String modified = null;
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "fileKey" -> fileKey = json.string();
                case "size" -> size = json.longValue();
                case "modified" -> modified = json.string();
                default -> throw json.unknownField(field);
            }
        }
        return new FileIdentity(json.require(fileKey, "fileKey"), json.require(size, "size"),
                json.require(modified, "modified"));
    }

    static void writeIdentity(JsonGenerator json, FileIdentity identity) throws IOException {
        if (identity == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("fileKey", identity.fileKey());
        json.writeNumberField("size", identity.size());
        json.writeStringField("modified", identity.modified());
        json.writeEndObject();
    }

    static Overlay readOverlay(JsonReader json) throws IOException {
        json.beginObject();
        Long baseSize = null;
        List<Overlay.Overwrite> overwrites = null;
        byte[] appended = null;
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "baseSize" -> baseSize = json.longValue();
                case "overwrites" -> {
                    json.beginArray();
                    overwrites = new ArrayList<>();
                    while (json.nextElement()) {
                        overwrites.add(readOverwrite(json));
                    }
                }
                case "appended" -> appended = json.binary();
                default -> throw json.unknownField(field);
            }
        }
        try {
            return new Overlay(json.require(baseSize, "baseSize"), json.require(overwrites, "overwrites"),
                    json.require(appended, "appended"));
        } catch (IllegalArgumentException e) {
            throw json.error("is not an overlay: " + e.getMessage());
        }
    }

    private static Overlay.Overwrite readOverwrite(JsonReader json) throws IOException {
        json.beginObject();
        Long offset = null;
        byte[] bytes = null;
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "offset" -> offset = json.longValue();
                case "bytes" -> bytes = json.binary();
                default -> throw json.unknownField(field);
            }
        }
        try {
            return new Overlay.Overwrite(json.require(offset, "offset"), json.require(bytes, "bytes"));
        } catch (IllegalArgumentException e) {
            throw json.error("is not an overwrite: " + e.getMessage());
        }
    }

    static void writeOverlay(JsonGenerator json, Overlay overlay) throws IOException {
        if (overlay == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("baseSize", overlay.baseSize());
        json.writeArrayFieldStart("overwrites");
        for (Overlay.Overwrite overwrite : overlay.overwrites()) {
            json.writeStartObject();
            json.writeNumberField("offset", overwrite.offset());
            json.writeFieldName("bytes");
            json.writeBinary(overwrite.bytes());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeFieldName("appended");
        json.writeBinary(overlay.appended());
        json.writeEndObject();
    }

    private static ArtifactKind kind(JsonReader json) throws IOException {
        String kind = json.string();
        try {
            return kind == null ? null : ArtifactKind.of(kind);
        } catch (IllegalArgumentException e) {
            throw json.error("is " + kind + ", not cdylib or bin");
        }
    }

    private static ArtifactState state(JsonReader json) throws IOException {
        String state = json.string();
        try {
            return state == null ? null : ArtifactState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw json.error("is " + state + ", not one of " + List.of(ArtifactState.values()));
        }
    }
}
