package dev.rustwheel.staging.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rustwheel.staging.FileIdentity;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.StagingManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

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
            // read as a tree, only the manifest bound to its type: binding types met for the first time costs
            // Jackson more than the rest of the goal
            JsonNode entry = ManifestStore.MAPPER.readTree(file.toFile());
            if (!key.equals(entry.path("key").asText(null))) {
                return Optional.empty();
            }
            for (Iterator<Map.Entry<String, JsonNode>> i = entry.path("dependencies").fields(); i.hasNext(); ) {
                Map.Entry<String, JsonNode> dependency = i.next();
                JsonNode identity = dependency.getValue();
                if (!new FileIdentity(identity.path("fileKey").asText(), identity.path("size").asLong(),
                        identity.path("modified").asText()).matches(Path.of(dependency.getKey()))) {
                    return Optional.empty();
                }
            }
            List<LogLine> log = new ArrayList<>();
            for (JsonNode line : entry.path("kept").path("log")) {
                log.add(new LogLine(line.path("warning").asBoolean(), line.path("message").asText()));
            }
            return Optional.of(new Kept(ManifestStore.MAPPER.treeToValue(entry.path("kept").path("repaired"),
                    StagingManifest.class), log));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged, or written by another version: audited again
        }
    }

    /**
     * Keeps {@code kept} for {@code key}, replacing any earlier entry; where a dependency's identity cannot be
     * known (no file key, or modified too recently to tell a later write apart), nothing is kept.
     */
    public void keep(String key, List<Path> dependencies, Kept kept) {
        try {
            // written as a tree, as read: no types but the manifest's for Jackson to learn
            ObjectNode entry = ManifestStore.MAPPER.createObjectNode().put("key", key);
            ObjectNode identities = entry.putObject("dependencies");
            for (Path dependency : new TreeSet<>(dependencies)) {
                Optional<FileIdentity> identity = FileIdentity.of(dependency);
                if (identity.isEmpty()) {
                    Files.deleteIfExists(file);
                    return;
                }
                identities.putObject(dependency.toString()).put("fileKey", identity.get().fileKey())
                        .put("size", identity.get().size()).put("modified", identity.get().modified());
            }
            ObjectNode outcome = entry.putObject("kept");
            outcome.set("repaired", ManifestStore.MAPPER.valueToTree(kept.repaired()));
            ArrayNode log = outcome.putArray("log");
            kept.log().forEach(line -> log.addObject().put("warning", line.warning()).put("message", line.message()));
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".repair-", ".tmp");
            try {
                Files.write(temporary, ManifestStore.MAPPER.writeValueAsBytes(entry));
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | RuntimeException e) {
            // the next repair audits again
        }
    }
}
