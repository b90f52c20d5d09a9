package dev.rustwheel.binary.elf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds small shared libraries for the tests; a test is skipped, not failed, where the compiler cannot. */
public final class Gcc {

    /** Exports PyInit_demo and a weak and a protected symbol; hides one function and keeps one static. */
    public static final String DEMO_SOURCE = """
            int PyInit_demo(void) { return 42; }
            __attribute__((weak)) int weak_export(void) { return 1; }
            __attribute__((visibility("protected"))) int protected_export(void) { return 2; }
            __attribute__((visibility("hidden"))) int hidden_helper(void) { return 3; }
            static int static_helper(void) { return 4; }
            int exported_data = 5;
            int uses_helpers(void) { return hidden_helper() + static_helper(); }
            """;

    private Gcc() {
    }

    /**
     * Compiles {@code source} into {@code dir/name} with {@code gcc -shared -fPIC}, the source, then {@code flags}, skipping
     * the calling test when gcc is missing or cannot build for the requested target.
     */
    public static Path sharedLibrary(Path dir, String name, String source, String... flags)
            throws IOException, InterruptedException {
        return build(List.of("gcc", "-shared", "-fPIC"), ".c", dir, name, source, flags);
    }

    /** As {@link #sharedLibrary}, with g++ from C++ source. */
    public static Path cxxSharedLibrary(Path dir, String name, String source, String... flags)
            throws IOException, InterruptedException {
        return build(List.of("g++", "-shared", "-fPIC"), ".cpp", dir, name, source, flags);
    }

    /** As {@link #sharedLibrary}, a position-independent executable ({@code gcc -pie -fPIE}), as cargo links bins. */
    public static Path pieExecutable(Path dir, String name, String source, String... flags)
            throws IOException, InterruptedException {
        return build(List.of("gcc", "-pie", "-fPIE"), ".c", dir, name, source, flags);
    }

    /** As {@link #pieExecutable}, a non-PIE executable ({@code ET_EXEC}, {@code gcc -no-pie}). */
    public static Path fixedAddressExecutable(Path dir, String name, String source, String... flags)
            throws IOException, InterruptedException {
        return build(List.of("gcc", "-no-pie", "-fno-PIE"), ".c", dir, name, source, flags);
    }

    private static Path build(List<String> compiler, String extension, Path dir, String name, String source,
            String... flags) throws IOException, InterruptedException {
        Path sourceFile = dir.resolve(name + extension);
        Files.writeString(sourceFile, source);
        Path output = dir.resolve(name);
        List<String> command = new ArrayList<>(compiler);
        command.addAll(List.of("-o", output.toString()));
        // the source comes first, so that libraries among the flags resolve its references, as on a link line
        command.add(sourceFile.toString());
        command.addAll(List.of(flags));
        String failure = run(command);
        assumeTrue(failure == null, () -> compiler.get(0) + " cannot build this file here: " + failure);
        return output;
    }

    /** Runs a command, returning null on success or what went wrong. */
    static String run(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "timed out";
            }
            return process.exitValue() == 0 ? null : output;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
