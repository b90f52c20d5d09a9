package dev.rustwheel.binary.elf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A dependency and a library that needs it, built into two directories as a crate's build script would leave
 * them: {@code dep/libdep.so} (SONAME libdep.so, symbols versioned DEP_1.0, so the dependent library carries a
 * .gnu.version_r record naming it) and {@code main/libmain.so} (no SONAME) whose {@code main_value()} returns
 * {@code dep_value() + 1 = 1235}.
 */
public final class PatchFixtures {

    public static final String DEP = "libdep.so";
    public static final String MAIN = "libmain.so";
    public static final int MAIN_VALUE = 1235;

    public enum Linker {
        BFD(), LLD("-fuse-ld=lld");

        public final List<String> flags;

        Linker(String... flags) {
            this.flags = List.of(flags);
        }
    }

    /** The search path libmain.so is linked with, pointing at the dependency's directory. */
    public enum OldSearchPath {
        NONE(), RPATH("-Wl,--disable-new-dtags"), RUNPATH("-Wl,--enable-new-dtags");

        final List<String> flags;

        OldSearchPath(String... flags) {
            this.flags = List.of(flags);
        }
    }

    public record Pair(Path dep, Path main) {
    }

    private PatchFixtures() {
    }

    public static Pair build(Path root, Linker linker, OldSearchPath searchPath, String... extraFlags)
            throws IOException, InterruptedException {
        Path depDir = Files.createDirectories(root.resolve("dep"));
        Path mainDir = Files.createDirectories(root.resolve("main"));
        Path versions = Files.writeString(root.resolve("dep.map"), "DEP_1.0 { global: dep_value; local: *; };\n");
        List<String> depFlags = new ArrayList<>(linker.flags);
        depFlags.addAll(List.of("-Wl,-soname," + DEP, "-Wl,--version-script=" + versions));
        depFlags.addAll(List.of(extraFlags));
        Path dep = Gcc.sharedLibrary(depDir, DEP, "int dep_value(void) { return 1234; }\n",
                depFlags.toArray(String[]::new));
        List<String> mainFlags = new ArrayList<>(linker.flags);
        mainFlags.addAll(List.of("-Wl,--no-as-needed", "-L" + depDir, "-l:" + DEP));
        if (searchPath != OldSearchPath.NONE) {
            mainFlags.add("-Wl,-rpath," + depDir);
            mainFlags.addAll(searchPath.flags);
        }
        mainFlags.addAll(List.of(extraFlags));
        Path main = Gcc.sharedLibrary(mainDir, MAIN,
                "int dep_value(void);\nint main_value(void) { return dep_value() + 1; }\n",
                mainFlags.toArray(String[]::new));
        return new Pair(dep, main);
    }

    /** What {@code main_value()} returns when python's ctypes loads {@code library}, or the loader's error. */
    public static String callMainValue(Path library) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("python3", "-c",
                    "import ctypes, sys; print(ctypes.CDLL(sys.argv[1]).main_value())", library.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not available: " + e.getMessage());
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return output.trim();
    }
}
