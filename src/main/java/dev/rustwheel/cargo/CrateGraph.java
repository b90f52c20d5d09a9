package dev.rustwheel.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustwheel.staging.LinkedCrate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The crates a package's build pulls in, read from the {@code resolve} graph of {@code cargo metadata}: every
 * package reachable from the root through normal and build dependencies, on every platform (as cargo-cyclonedx,
 * and so maturin's SBOM, lists them). Dev-dependencies are left out: they are never built into the wheel.
 */
public final class CrateGraph {

    private CrateGraph() {
    }

    /** @return the root first, then the packages it reaches, in the order of the metadata's package list */
    public static List<LinkedCrate> resolve(JsonNode metadata, String rootId) {
        JsonNode nodes = metadata.path("resolve").path("nodes");
        if (!nodes.isArray()) {
            return List.of(); // metadata read with --no-deps has no graph
        }
        Map<String, List<JsonNode>> edges = new HashMap<>();
        nodes.forEach(node -> {
            List<JsonNode> deps = new ArrayList<>();
            node.path("deps").forEach(deps::add);
            edges.put(node.path("id").asText(), deps);
        });
        Set<String> reached = reach(rootId, edges, false);
        Set<String> runtime = reach(rootId, edges, true);
        List<LinkedCrate> crates = new ArrayList<>();
        for (JsonNode pkg : metadata.path("packages")) {
            String id = pkg.path("id").asText();
            if (!reached.contains(id)) {
                continue;
            }
            Set<String> dependsOn = new TreeSet<>();
            for (JsonNode dep : edges.getOrDefault(id, List.of())) {
                if (kinds(dep).stream().anyMatch(k -> !k.equals("dev"))) {
                    dependsOn.add(dep.path("pkg").asText());
                }
            }
            LinkedCrate crate = new LinkedCrate(id, pkg.path("name").asText(), pkg.path("version").asText(),
                    text(pkg, "source"), text(pkg, "license"), runtime.contains(id), List.copyOf(dependsOn));
            if (id.equals(rootId)) {
                crates.add(0, crate);
            } else {
                crates.add(crate);
            }
        }
        return crates;
    }

    /** The packages reachable from {@code rootId}; through normal dependencies only, or through build ones too. */
    private static Set<String> reach(String rootId, Map<String, List<JsonNode>> edges, boolean normalOnly) {
        Set<String> seen = new HashSet<>(Set.of(rootId));
        Deque<String> queue = new ArrayDeque<>(List.of(rootId));
        while (!queue.isEmpty()) {
            for (JsonNode dep : edges.getOrDefault(queue.poll(), List.of())) {
                List<String> kinds = kinds(dep);
                boolean follow = normalOnly ? kinds.contains("normal") : kinds.stream().anyMatch(k -> !k.equals("dev"));
                String target = dep.path("pkg").asText();
                if (follow && seen.add(target)) {
                    queue.add(target);
                }
            }
        }
        return seen;
    }

    /** {@code normal}, {@code build} or {@code dev} for each way the dependency is declared. */
    private static List<String> kinds(JsonNode dep) {
        List<String> kinds = new ArrayList<>();
        dep.path("dep_kinds").forEach(k -> kinds.add(k.path("kind").isNull() ? "normal" : k.path("kind").asText()));
        return kinds.isEmpty() ? List.of("normal") : kinds; // cargo before 1.41 printed no dep_kinds
    }

    private static String text(JsonNode pkg, String field) {
        JsonNode value = pkg.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
