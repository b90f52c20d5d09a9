package dev.rustwheel.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.process.ProcessSpec;
import dev.rustwheel.process.ToolNotFoundException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Runs cargo for a crate and reports what it built. */
public final class Cargo {

    /** How much of rustc's rendered error output the failure message repeats (all of it is in the log). */
    private static final int ERROR_EXCERPT_LINES = 40;

    private final ProcessRunner runner;
    private final Consumer<String> log;
    private final Optional<MetadataCache> metadataCache;

    /** @param log receives cargo's human-readable output: progress and rendered diagnostics */
    public Cargo(ProcessRunner runner, Consumer<String> log) {
        this.runner = runner;
        this.log = log;
        this.metadataCache = Optional.empty();
    }

    /** @param cacheDirectory where what {@code cargo metadata} answered is kept for later builds */
    public Cargo(ProcessRunner runner, Consumer<String> log, Path cacheDirectory) {
        this.runner = runner;
        this.log = log;
        this.metadataCache = Optional.of(new MetadataCache(cacheDirectory));
    }

    /**
     * Finds the crate's root package, cargo's target directory and the crates the build pulls in, with one
     * {@code cargo metadata} call, or none where an earlier build kept what it found.
     */
    public CargoWorkspace locate(CargoBuildRequest request) throws CargoException {
        if (!CargoPackage.exists(request.manifestPath())) {
            throw new CargoException(CargoException.Reason.NO_MANIFEST, "No Cargo.toml at " + request.manifestPath()
                    + ". Set the parameter manifestPath to the crate's Cargo.toml.", null);
        }
        Optional<CargoWorkspace> kept = metadataCache.isPresent() ? metadataCache.get().read(request)
                : Optional.empty();
        if (kept.isPresent()) {
            return kept.get();
        }
        JsonNode metadata = metadata(request);
        CargoPackage root = CargoPackage.fromMetadata(metadata, request.manifestPath());
        CargoWorkspace workspace = new CargoWorkspace(root, CargoPackage.targetDirectory(metadata),
                CrateGraph.resolve(metadata, root.id()));
        metadataCache.ifPresent(cache -> cache.keep(request, metadata, workspace));
        return workspace;
    }

    /** Builds the crate that {@link #locate} found. */
    public CargoBuildResult build(CargoBuildRequest request, CargoWorkspace workspace) throws CargoException {
        Path manifest = request.manifestPath();
        CargoPackage root = workspace.rootPackage();
        CargoMessages messages = new CargoMessages(root.id(), log);
        List<String> stderr = new ArrayList<>();
        int exitCode = run(request, request.buildCommand(), messages, new Stderr(stderr, log));
        if (exitCode != 0) {
            throw new CargoException(CargoException.Reason.BUILD_FAILED, "cargo build failed (exit code " + exitCode
                    + ") for " + manifest + ":\n" + errorExcerpt(stderr), null);
        }
        return new CargoBuildResult(root, messages.artifacts(), messages.linkedPaths(), messages.bindingCrates(),
                messages.outDirectory());
    }

    /** Keeps cargo's stderr for the failure message while logging it; a class, for a lambda would cost one too. */
    private record Stderr(List<String> lines, Consumer<String> log) implements Consumer<String> {
        @Override
        public void accept(String line) {
            lines.add(line);
            log.accept(line);
        }
    }

    /** {@code cargo metadata}'s answer, parsed. */
    private JsonNode metadata(CargoBuildRequest request) throws CargoException {
        StringBuilder out = new StringBuilder();
        List<String> stderr = new ArrayList<>();
        int exitCode = run(request, request.metadataCommand(), line -> out.append(line).append('\n'), stderr::add);
        if (exitCode != 0) {
            throw new CargoException(CargoException.Reason.BUILD_FAILED, "cargo metadata failed (exit code "
                    + exitCode + ") for " + request.manifestPath() + ":\n" + String.join("\n", stderr), null);
        }
        return CargoPackage.parse(out.toString());
    }

    private int run(CargoBuildRequest request, List<String> command, Consumer<String> stdout, Consumer<String> stderr)
            throws CargoException {
        ProcessSpec spec = new ProcessSpec(command, request.crateDirectory(), request.environment());
        try {
            return runner.run(spec, stdout, stderr);
        } catch (ToolNotFoundException e) {
            String searched = e.searched().isEmpty() ? "" : " Searched PATH: " + e.searched().stream()
                    .map(Path::toString).collect(Collectors.joining(File.pathSeparator)) + ".";
            throw new CargoException(CargoException.Reason.NOT_RUNNABLE, "Cannot run cargo as '" + e.program()
                    + "' (" + e.getCause().getMessage() + ")." + searched
                    + " Install Rust (https://rustup.rs) or set the parameter cargoExecutable"
                    + " to the cargo program's full path.", e);
        } catch (IOException e) {
            throw new CargoException(CargoException.Reason.NOT_RUNNABLE, "Cannot run cargo: " + e.getMessage(), e);
        }
    }


    /** From the first rendered error on: the part of cargo's output that says what to fix. */
    static String errorExcerpt(List<String> stderr) {
        int first = 0;
        for (int i = 0; i < stderr.size(); i++) {
            if (stderr.get(i).startsWith("error")) {
                first = i;
                break;
            }
        }
        List<String> excerpt = stderr.subList(first, Math.min(stderr.size(), first + ERROR_EXCERPT_LINES));
        String suffix = stderr.size() > first + ERROR_EXCERPT_LINES ? "\n… (the whole output is in the log above)" : "";
        return String.join("\n", excerpt) + suffix;
    }
}
