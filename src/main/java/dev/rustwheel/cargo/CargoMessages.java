package dev.rustwheel.cargo;

import dev.rustwheel.json.Json;
import dev.rustwheel.json.JsonReader;
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
        Message message;
        try (JsonReader json = Json.read(line)) {
            message = Message.read(json);
        } catch (IOException e) {
            otherOutput.accept(line);
            return;
        }
        if (message == null) {
            return; // a message rustwheel does not read
        }
        switch (message.reason) {
            case "compiler-artifact" -> addArtifacts(message);
            case "build-script-executed" -> {
                for (String path : message.linkedPaths) {
                    linkedPaths.add(Path.of(stripKind(path)));
                }
                if (rootPackageId.equals(message.packageId) && message.outDirectory != null) {
                    outDirectory = Path.of(message.outDirectory);
                }
            }
            default -> { }
        }
    }

    private void addArtifacts(Message message) {
        if (!rootPackageId.equals(message.packageId)) {
            recordBindingCrate(message);
            return;
        }
        String kind = message.kinds.contains("bin") ? "bin" : message.crateTypes.contains("cdylib") ? "cdylib" : null;
        if (kind == null || !PACKAGED_KINDS.contains(kind)) {
            return;
        }
        for (String file : message.filenames) {
            Path path = Path.of(file);
            if (isPrimaryFile(kind, path)) {
                artifacts.add(new CargoArtifact(kind, message.targetName, path, message.fresh));
            }
        }
    }

    /** Fresh units are reported too, so the features are known even when nothing was rebuilt. */
    private void recordBindingCrate(Message message) {
        String crate = BINDING_CRATES.get(message.targetName);
        boolean library = false;
        for (String kind : message.kinds) {
            library |= kind.endsWith("lib");
        }
        if (crate != null && library) {
            bindingCrates.put(crate, message.features);
        }
    }

    /**
     * The fields of a cargo message that rustwheel reads; everything else in it is passed over unparsed, as is the
     * rest of a message whose {@code reason} (cargo's first field) is none of those read.
     */
    private static final class Message {
        private static final Set<String> READ = Set.of("compiler-artifact", "build-script-executed");

        String reason;
        String packageId = "";
        String targetName = "";
        List<String> kinds = List.of();
        List<String> crateTypes = List.of();
        List<String> features = List.of();
        List<String> filenames = List.of();
        boolean fresh;
        List<String> linkedPaths = List.of();
        String outDirectory;

        /** @return null for a message of another reason */
        static Message read(JsonReader json) throws IOException {
            json.beginObject();
            Message message = new Message();
            for (String field; (field = json.nextField()) != null; ) {
                switch (field) {
                    case "reason" -> {
                        message.reason = json.string();
                        if (!READ.contains(message.reason)) {
                            return null;
                        }
                    }
                    case "package_id" -> message.packageId = json.string();
                    case "target" -> message.readTarget(json);
                    case "features" -> message.features = json.strings();
                    case "filenames" -> message.filenames = json.strings();
                    case "fresh" -> message.fresh = json.booleanValue();
                    case "linked_paths" -> message.linkedPaths = json.strings();
                    case "out_dir" -> message.outDirectory = json.string();
                    default -> json.skip();
                }
            }
            return message.reason == null ? null : message;
        }

        private void readTarget(JsonReader json) throws IOException {
            json.beginObject();
            for (String field; (field = json.nextField()) != null; ) {
                switch (field) {
                    case "kind" -> kinds = json.strings();
                    case "crate_types" -> crateTypes = json.strings();
                    case "name" -> targetName = json.string();
                    default -> json.skip();
                }
            }
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
