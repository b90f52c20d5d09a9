package dev.rustwheel.binary;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds Mach-O and PE test binaries with Debian's cross toolchains (clang + ld64.lld, mingw-w64) and runs the
 * independent tools that check them (llvm-otool, llvm-readobj, Python's macholib and pefile). A test that needs
 * a missing tool is skipped with the reason, not failed.
 */
public final class NativeTools {

    private NativeTools() {
    }

    /** A command's exit code and combined output. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** The first of {@code names} (absolute paths, or names on PATH) found, skipping the calling test when none is. */
    public static String require(String... names) {
        for (String name : names) {
            if (name.startsWith("/")) {
                if (Files.isExecutable(Path.of(name))) {
                    return name;
                }
                continue;
            }
            Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                    .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
            if (found.isPresent()) {
                return found.get().toString();
            }
        }
        assumeTrue(false, "none of " + List.of(names) + " is installed (.ci/run lists the apt packages)");
        return null;
    }

    public static Result run(Path directory, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out: " + command);
        }
        return new Result(process.exitValue(), output);
    }

    /** Runs a command that must succeed, skipping the test where it cannot (a toolchain that cannot link here). */
    public static String check(Path directory, String... command) throws IOException, InterruptedException {
        Result result = run(directory, List.of(command));
        assumeTrue(result.ok(), () -> String.join(" ", command) + " failed here: " + result.output());
        return result.output();
    }

    /**
     * A Mach-O dylib for {@code arch} ({@code x86_64}, {@code arm64}) built by clang and ld64.lld: {@code source}
     * compiled with the given minimum macOS, linked with {@code linkFlags} (install name, libraries, rpaths…).
     */
    public static Path macho(Path dir, String name, String arch, String minimumOs, String source,
            String... linkFlags) throws IOException, InterruptedException {
        String clang = require("clang", "clang-14");
        String ld = require("ld64.lld", "ld64.lld-14");
        Path c = dir.resolve(name + "-" + arch + ".c");
        Files.writeString(c, source);
        Path object = dir.resolve(name + "-" + arch + ".o");
        check(dir, clang, "--target=" + arch + "-apple-macos" + minimumOs, "-c", c.toString(), "-o", object.toString());
        Path output = dir.resolve(name);
        List<String> link = new ArrayList<>(List.of(ld, "-arch", arch, "-dylib", "-platform_version", "macos",
                minimumOs, minimumOs, "-undefined", "dynamic_lookup", object.toString(), "-o", output.toString()));
        link.addAll(List.of(linkFlags));
        check(dir, link.toArray(String[]::new));
        return output;
    }

    /** A fat (universal) file of {@code thin} slices, by llvm-lipo. */
    public static Path lipo(Path output, Path... thin) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(require("llvm-lipo", "llvm-lipo-14"), "-create"));
        Stream.of(thin).map(Path::toString).forEach(command::add);
        command.addAll(List.of("-output", output.toString()));
        check(output.getParent(), command.toArray(String[]::new));
        return output;
    }

    /** A PE DLL or EXE built by mingw-w64's gcc from {@code source}, with {@code flags} after it. */
    public static Path mingw(Path dir, String name, String source, String... flags)
            throws IOException, InterruptedException {
        String gcc = require("x86_64-w64-mingw32-gcc");
        Path c = dir.resolve(name + ".c");
        Files.writeString(c, source);
        Path output = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of(gcc, "-o", output.toString(), c.toString()));
        command.addAll(List.of(flags));
        check(dir, command.toArray(String[]::new));
        return output;
    }

    /** Runs a Python snippet under Debian's python3 (where apt puts pefile and macholib), with {@code args}. */
    public static String python(Path dir, String module, String script, String... args)
            throws IOException, InterruptedException {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : require("python3");
        Result probe = run(dir, List.of(python, "-c", "import " + module));
        assumeTrue(probe.ok(), () -> "Python module " + module + " is missing (apt-get install python3-" + module
                + "): " + probe.output());
        List<String> command = new ArrayList<>(List.of(python, "-c", script));
        command.addAll(List.of(args));
        Result result = run(dir, command);
        if (!result.ok()) {
            throw new AssertionError("python " + module + " check failed: " + result.output());
        }
        return result.output();
    }

    /** A resource of this test tree as a file in {@code dir}. */
    public static Path resource(Path dir, String name) throws IOException {
        Path target = dir.resolve(Path.of(name).getFileName().toString());
        try (InputStream in = NativeTools.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            Files.copy(in, target);
        }
        return target;
    }
}
