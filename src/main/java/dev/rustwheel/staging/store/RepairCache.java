package dev.rustwheel.staging.store;

import dev.rustwheel.json.Json;
import dev.rustwheel.json.JsonReader;
import dev.rustwheel.staging.FileIdentity;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.StagingManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The last repair's outcome, kept under {@code target/rustwheel/cache/} so that a build whose artifacts and repair
 * inputs did not change reuses it instead of auditing again: neither the artifacts' headers and tables nor the
 * system libraries they need are read then. An entry holds a key, which the caller computes from everything that
 * decides the repair (the artifacts' file identities among them), and the identities of the files the verdict
 * named (external libraries, grafted sources): any difference, and the entry is ignored.
 *
 * <p>The manifest stays the one source of truth: this file is only advice, written without forcing it to disk. A
 * missing or damaged entry costs one audit, nothing else.
 */
public final class RepairCache {

    private final Path file;

    public RepairCache(StagingLayout layout) {
        this.file = layout.cache().resolve("repair.json");
    }

    /** One line a repair logged, replayed when its outcome is reused. */
    public record LogLine(boolean warning, String message) {
    }

    /** What a repair decided: the manifest it wrote and the lines it logged. */
    public record Kept(StagingManifest repaired, List<LogLine> log) {

        public Kept {
            log = List.copyOf(log);
        }
    }

    /** The outcome kept for {@code key}, if every file it depends on is still the one it was. */
    public Optional<Kept> read(String key) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try (JsonReader json = Json.read(Files.readAllBytes(file))) {
                return read(json, key);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged, or written by another version: audited again
        }
    }

    private static Optional<Kept> read(JsonReader json, String key) throws IOException {
        json.beginObject();
        boolean keyMatches = false;
        boolean dependenciesHold = false;
        Kept kept = null;
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "key" -> keyMatches = key.equals(json.string());
                case "dependencies" -> dependenciesHold = dependenciesHold(json);
                case "kept" -> kept = readKept(json);
                default -> throw json.unknownField(field);
            }
            if (field.equals("key") && !keyMatches || field.equals("dependencies") && !dependenciesHold) {
                return Optional.empty(); // the rest need not be read
            }
        }
        return keyMatches && dependenciesHold ? Optional.ofNullable(kept) : Optional.empty();
    }

    private static boolean dependenciesHold(JsonReader json) throws IOException {
        json.beginObject();
        for (String dependency; (dependency = json.nextField()) != null; ) {
            if (!ArtifactJson.readIdentity(json).matches(Path.of(dependency))) {
                return false;
            }
        }
        return true;
    }

    private static Kept readKept(JsonReader json) throws IOException {
        json.beginObject();
        StagingManifest repaired = null;
        List<LogLine> log = List.of();
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "repaired" -> repaired = ManifestJson.readManifest(json);
                case "log" -> log = readLog(json);
                default -> throw json.unknownField(field);
            }
        }
        return new Kept(json.require(repaired, "repaired"), log);
    }

    /** A loop rather than {@link JsonReader#list} with a method reference: a build reusing the verdict reads this. */
    private static List<LogLine> readLog(JsonReader json) throws IOException {
        json.beginArray();
        List<LogLine> lines = new ArrayList<>();
        while (json.nextElement()) {
            lines.add(readLogLine(json));
        }
        return lines;
    }

    private static LogLine readLogLine(JsonReader json) throws IOException {
        json.beginObject();
        Boolean warning = null;
        String message = null;
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "warning" -> warning = json.booleanValue();
                case "message" -> message = json.string();
                default -> throw json.unknownField(field);
            }
        }
        return new LogLine(json.require(warning, "warning"), json.require(message, "message"));
    }

    /**
     * Keeps {@code kept} for {@code key}, replacing any earlier entry; where a dependency's identity cannot be
     * known (no file key, or modified too recently to tell a later write apart), nothing is kept.
     */
    public void keep(String key, List<Path> dependencies, Kept kept) {
        try {
            Map<Path, FileIdentity> identities = new TreeMap<>();
            for (Path dependency : dependencies) {
                Optional<FileIdentity> identity = FileIdentity.of(dependency);
                if (identity.isEmpty()) {
                    Files.deleteIfExists(file);
                    return;
                }
                identities.put(dependency, identity.get());
            }
            byte[] entry = Json.pretty(json -> {
                json.writeStartObject();
                json.writeStringField("key", key);
                json.writeObjectFieldStart("dependencies");
                for (Map.Entry<Path, FileIdentity> identity : identities.entrySet()) {
                    json.writeFieldName(identity.getKey().toString());
                    ArtifactJson.writeIdentity(json, identity.getValue());
                }
                json.writeEndObject();
                json.writeObjectFieldStart("kept");
                json.writeFieldName("repaired");
                ManifestJson.writeManifest(json, kept.repaired());
                json.writeArrayFieldStart("log");
                for (LogLine line : kept.log()) {
                    json.writeStartObject();
                    json.writeBooleanField("warning", line.warning());
                    json.writeStringField("message", line.message());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndObject();
            });
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".repair-", ".tmp");
            try {
                Files.write(temporary, entry);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | RuntimeException e) {
            // the next repair audits again
        }
    }
}
