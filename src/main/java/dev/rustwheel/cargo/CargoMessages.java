package dev.rustwheel.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads the JSON messages {@code cargo build --message-format=json-render-diagnostics} prints on stdout, one per
 * line, keeping the root package's cdylib and bin files, every build script's linked paths and the resolved
 * features of the Python binding crates. Paths come from
 * cargo's {@code filenames}: never guessed from Cargo.toml, so custom profiles, targets and target dirs just work.
 */
final class CargoMessages implements Consumer<String> {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> PACKAGED_KINDS = Set.of("cdylib", "bin");
    /** Library target names of the crates that decide how the module talks to Python, by package name. */
    private static final Map<String, String> BINDING_CRATES = Map.of(
            "pyo3", "pyo3", "pyo3_ffi", "pyo3-ffi", "uniffi", "uniffi");

    private final String rootPackageId;
    private final Consumer<String> otherOutput;
    private final List<CargoArtifact> artifacts = new ArrayList<>();
    private final Set<Path> linkedPaths = new LinkedHashSet<>();
    private final Map<String, List<String>> bindingCrates = new TreeMap<>();
    private Path outDirectory;

    /** @param otherOutput receives stdout lines that are not cargo messages (for the log) */
    CargoMessages(String rootPackageId, Consumer<String> otherOutput) {
        this.rootPackageId = rootPackageId;
        this.otherOutput = otherOutput;
    }

    @Override
    public void accept(String line) {
        if (!line.startsWith("{")) {
            otherOutput.accept(line);
            return;
        }
        JsonNode message;
        try {
            message = MAPPER.readTree(line);
        } catch (IOException e) {
            otherOutput.accept(line);
            return;
        }
        switch (message.path("reason").asText()) {
            case "compiler-artifact" -> addArtifacts(message);
            case "build-script-executed" -> {
                message.path("linked_paths").forEach(p -> linkedPaths.add(Path.of(stripKind(p.asText()))));
                if (rootPackageId.equals(message.path("package_id").asText()) && message.path("out_dir").isTextual()) {
                    outDirectory = Path.of(message.path("out_dir").asText());
                }
            }
            default -> { }
        }
    }

    private void addArtifacts(JsonNode message) {
        JsonNode target = message.path("target");
        if (!rootPackageId.equals(message.path("package_id").asText())) {
            recordBindingCrate(target, message.path("features"));
            return;
        }
        List<String> kinds = new ArrayList<>();
        target.path("kind").forEach(k -> kinds.add(k.asText()));
        List<String> crateTypes = new ArrayList<>();
        target.path("crate_types").forEach(k -> crateTypes.add(k.asText()));
        String kind = kinds.contains("bin") ? "bin" : crateTypes.contains("cdylib") ? "cdylib" : null;
        if (kind == null || !PACKAGED_KINDS.contains(kind)) {
            return;
        }
        boolean fresh = message.path("fresh").asBoolean(false);
        for (JsonNode file : message.path("filenames")) {
            Path path = Path.of(file.asText());
            if (isPrimaryFile(kind, path)) {
                artifacts.add(new CargoArtifact(kind, target.path("name").asText(), path, fresh));
            }
        }
    }

    /** Fresh units are reported too, so the features are known even when nothing was rebuilt. */
    private void recordBindingCrate(JsonNode target, JsonNode features) {
        String crate = BINDING_CRATES.get(target.path("name").asText());
        boolean library = false;
        for (JsonNode kind : target.path("kind")) {
            library |= kind.asText().endsWith("lib");
        }
        if (crate != null && library) {
            List<String> names = new ArrayList<>();
            features.forEach(f -> names.add(f.asText()));
            bindingCrates.put(crate, names);
        }
    }

    /** A cdylib entry also lists import libraries and debug info (.dll.lib, .pdb, .dwp); keep the library itself. */
    private static boolean isPrimaryFile(String kind, Path path) {
        String name = path.getFileName().toString();
        if (kind.equals("bin")) {
            return !name.endsWith(".pdb") && !name.endsWith(".dwp");
        }
        return name.endsWith(".so") || name.endsWith(".dylib") || (name.endsWith(".dll") && !name.endsWith(".dll.lib"));
    }

    /** Cargo reports linked paths as {@code [KIND=]PATH} (e.g. {@code native=/opt/lib}). */
    static String stripKind(String linkedPath) {
        int eq = linkedPath.indexOf('=');
        if (eq > 0 && linkedPath.substring(0, eq).matches("native|crate|dependency|framework|all")) {
            return linkedPath.substring(eq + 1);
        }
        return linkedPath;
    }

    List<CargoArtifact> artifacts() {
        return artifacts;
    }

    List<Path> linkedPaths() {
        return new ArrayList<>(linkedPaths);
    }

    Map<String, List<String>> bindingCrates() {
        return bindingCrates;
    }

    /** The root package's build script's {@code OUT_DIR}; null when it has no build script. */
    Path outDirectory() {
        return outDirectory;
    }
}
