package dev.rustwheel.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.process.ProcessRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CargoTest {

    @TempDir
    Path tempDir;

    private final List<String> log = new ArrayList<>();
    private final Cargo cargo = new Cargo(new ProcessRunner(log::add), log::add);

    private static CargoBuildRequest request(String executable, Path manifest) {
        return new CargoBuildRequest(executable, manifest, "release", List.of(), false, List.of(), Map.of(), true);
    }

    private static List<String> lines(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void excerptStartsAtTheFirstError() {
        List<String> stderr = List.of(
                "   Compiling demo v0.1.0 (/work/demo)",
                "warning: unused variable: `x`",
                "  --> src/lib.rs:2:9",
                "error[E0308]: mismatched types",
                " --> src/lib.rs:5:5",
                "error: could not compile `demo` (lib) due to 1 previous error");

        assertEquals("error[E0308]: mismatched types\n --> src/lib.rs:5:5\n"
                + "error: could not compile `demo` (lib) due to 1 previous error", Cargo.errorExcerpt(stderr));
    }

    @Test
    void withoutAnErrorLineTheExcerptIsEverything() {
        assertEquals("   Compiling demo\nKilled", Cargo.errorExcerpt(List.of("   Compiling demo", "Killed")));
    }

    @Test
    void excerptIsCappedAtFortyLinesWithANote() {
        List<String> stderr = new ArrayList<>(lines("warning ", 5));
        stderr.add("error: first");
        stderr.addAll(lines("detail ", 60));

        List<String> excerpt = Cargo.errorExcerpt(stderr).lines().toList();

        assertEquals(41, excerpt.size(), "40 lines and the note");
        assertEquals("error: first", excerpt.get(0));
        assertEquals("detail 39", excerpt.get(39));
        assertTrue(excerpt.get(40).contains("the whole output is in the log"), excerpt.get(40));
    }

    @Test
    void exactlyFortyLinesNeedNoNote() {
        List<String> stderr = new ArrayList<>(List.of("error: first"));
        stderr.addAll(lines("detail ", 39));

        assertEquals(String.join("\n", stderr), Cargo.errorExcerpt(stderr));
    }

    @Test
    void aMissingCargoTomlIsNamedWithTheParameterToSet() {
        Path missing = tempDir.resolve("no-crate/Cargo.toml");

        CargoException e = assertThrows(CargoException.class, () -> cargo.locate(request("cargo", missing)));

        assertEquals(CargoException.Reason.NO_MANIFEST, e.reason());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("manifestPath"), e.getMessage());
        assertEquals(List.of(), log, "nothing was run");
    }

    @Test
    void aCargoThatCannotBeFoundNamesTheParameterAndThePathSearched() throws Exception {
        Path manifest = Files.writeString(tempDir.resolve("Cargo.toml"), "[package]\nname = \"demo\"\n");

        CargoException e = assertThrows(CargoException.class,
                () -> cargo.locate(request("cargo-that-does-not-exist", manifest)));

        assertEquals(CargoException.Reason.NOT_RUNNABLE, e.reason());
        assertTrue(e.getMessage().contains("'cargo-that-does-not-exist'"), e.getMessage());
        assertTrue(e.getMessage().contains("cargoExecutable"), e.getMessage());
        String searched = Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty() && Files.isDirectory(Path.of(dir))).collect(Collectors.joining(
                        File.pathSeparator));
        assertTrue(e.getMessage().contains("Searched PATH: " + searched + "."), e.getMessage());
    }

    @Test
    void aCargoGivenAsAMissingPathIsNamedWithoutClaimingAPathSearch() throws Exception {
        Path manifest = Files.writeString(tempDir.resolve("Cargo.toml"), "[package]\nname = \"demo\"\n");
        Path executable = tempDir.resolve("rust/bin/cargo");

        CargoException e = assertThrows(CargoException.class,
                () -> cargo.locate(request(executable.toString(), manifest)));

        assertEquals(CargoException.Reason.NOT_RUNNABLE, e.reason());
        assertTrue(e.getMessage().contains("'" + executable + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("cargoExecutable"), e.getMessage());
        assertFalse(e.getMessage().contains("Searched PATH"), e.getMessage());
    }
}
