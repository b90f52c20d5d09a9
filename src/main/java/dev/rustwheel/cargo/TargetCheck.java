package dev.rustwheel.cargo;

import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.process.ProcessSpec;
import dev.rustwheel.process.ToolNotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rustwheel.json.JsonTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a {@code --target} triple before cargo runs: that it is spelt as one, and that the rustc cargo will use
 * has the target's standard library (rustup's {@code rustup target add}, or a distribution's package). Without this
 * check a missing target shows only after cargo compiled the build scripts, as rustc's "can't find crate for std".
 */
public final class TargetCheck {

    /** {@code <arch>-<vendor>-<os>[-<env>]}, as rustc names its built-in targets. */
    private static final Pattern TRIPLE = Pattern.compile("[a-z0-9_.]+(-[a-z0-9_.]+){1,3}");

    private final ProcessRunner runner;
    private final Optional<ToolAnswers> sysroots;

    public TargetCheck(ProcessRunner runner) {
        this.runner = runner;
        this.sysroots = Optional.empty();
    }

    /**
     * @param cacheDirectory where rustc's sysroot is kept between builds, while the rustc program and the files that
     *                       choose the toolchain ({@code rust-toolchain.toml}, rustup's default) are unchanged
     */
    public TargetCheck(ProcessRunner runner, Path cacheDirectory) {
        this.runner = runner;
        this.sysroots = Optional.of(new ToolAnswers(cacheDirectory, "rustc-sysroot"));
    }

    /**
     * Refuses what is not a target triple; a path to a custom target specification ({@code .json}) passes.
     *
     * @param parameter the parameter that set it, with its property and source, for the message
     */
    public static void requireTriple(String target, String parameter) throws CargoException {
        if (target.endsWith(".json") || TRIPLE.matcher(target).matches()) {
            return;
        }
        throw new CargoException(CargoException.Reason.BAD_TARGET, parameter + " = '" + target + "' is not a Rust"
                + " target triple. Use <arch>-<vendor>-<os>[-<env>], for example x86_64-pc-windows-msvc,"
                + " aarch64-apple-darwin or aarch64-unknown-linux-gnu; rustc --print target-list lists them all.",
                null);
    }

    /**
     * Refuses a target that the rustc cargo will use does not know, or has no standard library for. That rustc is
     * {@code RUSTC} (cargo's environment, then this process's), else {@code [build] rustc} of the crate's
     * {@code .cargo/config.toml} files, else {@code rustc} on PATH; where it cannot be run, cargo will say so.
     */
    public void requireInstalled(CargoBuildRequest request, String parameter) throws CargoException {
        Optional<String> target = request.target();
        if (target.isEmpty()) {
            return;
        }
        String triple = target.get();
        requireTriple(triple, parameter);
        if (triple.endsWith(".json")) {
            return; // a custom target builds its standard library itself (-Zbuild-std)
        }
        String rustc = rustc(request);
        Optional<String> sysroot = sysroot(request, rustc);
        if (sysroot.isEmpty()) {
            return;
        }
        Path library = Path.of(sysroot.get(), "lib", "rustlib", triple, "lib");
        if (Files.isDirectory(library)) {
            return;
        }
        List<String> known = lines(request, rustc, "--print", "target-list");
        if (!known.isEmpty() && !known.contains(triple)) {
            throw new CargoException(CargoException.Reason.BAD_TARGET, parameter + " = '" + triple + "' is not a"
                    + " target that " + rustc + " knows. Check its spelling against " + rustc + " --print"
                    + " target-list (for example x86_64-pc-windows-msvc, aarch64-apple-darwin).", null);
        }
        throw new CargoException(CargoException.Reason.BAD_TARGET, parameter + " = '" + triple + "': " + rustc
                + " (sysroot " + sysroot.get() + ") has no standard library for it (no " + library + "). Run"
                + " rustup target add " + triple + "; without rustup, install your distribution's standard library"
                + " for that target (Debian: libstd-rust-dev-windows for x86_64-pc-windows-gnu) and point cargo at"
                + " that rustc (RUSTC, or [build] rustc in .cargo/config.toml). Cross targets also need their"
                + " linker ([target." + triple + "] linker in .cargo/config.toml).", null);
    }

    /** The rustc cargo will run for this request, as far as the environment and config files tell. */
    static String rustc(CargoBuildRequest request) {
        String fromEnvironment = request.environment().get("RUSTC");
        if (fromEnvironment == null) {
            fromEnvironment = System.getenv("RUSTC");
        }
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        return configuredRustc(request.crateDirectory()).orElse("rustc");
    }

    /** {@code [build] rustc} of the nearest {@code .cargo/config.toml} (or {@code config}) above the crate. */
    static Optional<String> configuredRustc(Path crateDirectory) {
        List<Path> candidates = new ArrayList<>();
        for (Path dir = crateDirectory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve(".cargo").resolve("config.toml"));
            candidates.add(dir.resolve(".cargo").resolve("config"));
        }
        for (Path config : candidates) {
            if (!Files.isRegularFile(config)) {
                continue;
            }
            try {
                JsonNode rustc = JsonTrees.toml(config).path("build").path("rustc");
                if (rustc.isTextual()) {
                    // cargo resolves a relative path against the directory holding .cargo
                    String value = rustc.asText();
                    return Optional.of(value.contains("/") && !Path.of(value).isAbsolute()
                            ? config.getParent().getParent().resolve(value).toString() : value);
                }
            } catch (IOException e) {
                return Optional.empty(); // cargo reports a config file it cannot read, better than we can
            }
        }
        return Optional.empty();
    }

    /** {@code rustc --print sysroot}, kept between builds; the standard library's directory is looked at anew. */
    private Optional<String> sysroot(CargoBuildRequest request, String rustc) {
        List<String> command = List.of(rustc, "--print", "sysroot");
        Optional<String> kept = sysroots.flatMap(a -> a.read(command, request.crateDirectory(), request.environment()));
        if (kept.isPresent()) {
            return kept;
        }
        Optional<String> asked = firstLine(request, command.toArray(String[]::new));
        if (asked.isPresent() && sysroots.isPresent()) {
            List<Path> inputs = new ArrayList<>(ToolAnswers.toolchainFiles(request.crateDirectory()));
            ProcessRunner.locate(rustc).ifPresent(inputs::add);
            sysroots.get().keep(command, request.crateDirectory(), request.environment(), asked.get(), inputs);
        }
        return asked;
    }

    private Optional<String> firstLine(CargoBuildRequest request, String... command) {
        return lines(request, command).stream().filter(l -> !l.isBlank()).findFirst();
    }

    /** The program's stdout lines; none when it cannot be run or fails (cargo then tells what is wrong). */
    private List<String> lines(CargoBuildRequest request, String... command) {
        List<String> out = new ArrayList<>();
        try {
            int exit = runner.run(new ProcessSpec(List.of(command), request.crateDirectory(), request.environment()),
                    out::add, line -> { });
            return exit == 0 ? out : List.of();
        } catch (ToolNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
