package dev.rustwheel.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustwheel.json.JsonTrees;
import dev.rustwheel.process.ProcessFailedException;
import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.process.ProcessSpec;
import dev.rustwheel.process.ToolNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a source distribution needs from cargo's side: the workspace root, and for the crate and every local
 * package it reaches through path dependencies, the files {@code cargo package --list} names (cargo's own rules:
 * {@code include}/{@code exclude}, {@code .gitignore}, {@code target/} left out).
 */
public final class CargoSources {

    /**
     * A local package: its directory, the files cargo would package (relative to that directory), and its readme
     * as cargo resolved it (given or found by cargo's default search; null when none).
     */
    public record LocalPackage(String name, Path directory, List<String> files, String readme) {
        public LocalPackage {
            files = List.copyOf(files);
        }
    }

    /** @param packages the crate first, then its path dependencies (transitively), each once */
    public record Sources(Path workspaceRoot, List<LocalPackage> packages) {
        public Sources {
            packages = List.copyOf(packages);
        }
    }

    private final ProcessRunner runner;
    private final String cargo;
    private final Map<String, String> environment;
    private final boolean offline;

    public CargoSources(ProcessRunner runner, String cargo, Map<String, String> environment, boolean offline) {
        this.runner = runner;
        this.cargo = cargo;
        this.environment = Map.copyOf(environment);
        this.offline = offline;
    }

    public Sources of(Path manifestPath) throws CargoException {
        JsonNode metadata = json(run(manifestPath, List.of("metadata", "--format-version=1", "--no-deps")));
        Path workspaceRoot = Path.of(metadata.path("workspace_root").asText());
        Map<Path, LocalPackage> found = new LinkedHashMap<>();
        Deque<Path> pending = new ArrayDeque<>(List.of(manifestPath.toAbsolutePath().normalize()));
        while (!pending.isEmpty()) {
            Path manifest = pending.removeFirst();
            if (found.containsKey(manifest)) {
                continue;
            }
            JsonNode pkg = packageOf(metadata, manifest);
            if (pkg == null) { // a path dependency outside the workspace: ask cargo about it
                pkg = packageOf(json(run(manifest, List.of("metadata", "--format-version=1", "--no-deps"))),
                        manifest);
            }
            if (pkg == null) {
                throw new CargoException(CargoException.Reason.NO_MANIFEST, manifest + " declares no [package].",
                        null);
            }
            List<String> files = run(manifest, List.of("package", "--list", "--allow-dirty")).lines()
                    .filter(l -> !l.isBlank()).toList();
            found.put(manifest, new LocalPackage(pkg.path("name").asText(), manifest.getParent(), files,
                    pkg.hasNonNull("readme") ? pkg.get("readme").asText() : null));
            for (JsonNode dependency : pkg.path("dependencies")) {
                if (dependency.hasNonNull("path")) {
                    pending.add(Path.of(dependency.get("path").asText()).resolve("Cargo.toml").normalize());
                }
            }
        }
        return new Sources(workspaceRoot, new ArrayList<>(found.values()));
    }

    private static JsonNode packageOf(JsonNode metadata, Path manifest) {
        for (JsonNode pkg : metadata.path("packages")) {
            if (Path.of(pkg.path("manifest_path").asText()).normalize().equals(manifest)) {
                return pkg;
            }
        }
        return null;
    }

    private String run(Path manifest, List<String> arguments) throws CargoException {
        List<String> command = new ArrayList<>();
        command.add(cargo);
        command.addAll(arguments);
        command.add("--manifest-path");
        command.add(manifest.toString());
        if (offline) {
            command.add("--offline");
        }
        try {
            return runner.capture(new ProcessSpec(command, manifest.getParent(), environment), line -> { });
        } catch (ToolNotFoundException e) {
            throw new CargoException(CargoException.Reason.NOT_RUNNABLE, "Cannot run cargo as '" + cargo + "': "
                    + e.getMessage() + ". Install Rust or set cargoExecutable (property rustwheel.cargoExecutable).",
                    e);
        } catch (ProcessFailedException e) {
            throw new CargoException(CargoException.Reason.BUILD_FAILED, e.getMessage(), e);
        } catch (IOException e) {
            throw new CargoException(CargoException.Reason.UNEXPECTED_OUTPUT, "cargo failed: " + e.getMessage(), e);
        }
    }

    private static JsonNode json(String text) throws CargoException {
        try {
            return JsonTrees.json(text);
        } catch (IOException e) {
            throw new CargoException(CargoException.Reason.UNEXPECTED_OUTPUT,
                    "cargo metadata printed something that is not JSON: " + e.getMessage(), e);
        }
    }
}
