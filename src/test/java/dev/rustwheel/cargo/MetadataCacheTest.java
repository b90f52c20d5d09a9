package dev.rustwheel.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustwheel.process.ProcessRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real cargo's metadata, asked once and kept until a file it depends on changes. */
class MetadataCacheTest {

    @TempDir
    Path dir;

    private Path manifest;
    private final List<String> commands = new ArrayList<>();
    private Cargo cargo;

    @BeforeEach
    void writeCrate() throws Exception {
        Assumptions.assumeTrue(cargoIsInstalled(), "cargo is not on PATH");
        manifest = Files.writeString(Files.createDirectories(dir.resolve("demo")).resolve("Cargo.toml"), """
                [package]
                name = "demo-lib"
                version = "0.3.1"
                edition = "2021"

                [lib]
                crate-type = ["cdylib"]
                """);
        Files.createDirectories(manifest.resolveSibling("src"));
        Files.writeString(manifest.resolveSibling("src/lib.rs"), "");
        cargo = new Cargo(new ProcessRunner(commands::add), line -> { }, dir.resolve("cache"));
    }

    @Test
    void cargoIsAskedOnceWhileNothingItReadChanged() throws Exception {
        CargoWorkspace first = cargo.locate(request("dev"));
        assertEquals(first, cargo.locate(request("dev")));
        assertEquals(1, commands.size(), commands.toString());
    }

    @Test
    void aDamagedKeptWorkspaceIsAskedAgain() throws Exception {
        CargoWorkspace first = cargo.locate(request("dev"));
        try (var files = Files.list(dir.resolve("cache"))) {
            for (Path file : files.toList()) {
                Files.writeString(file, Files.readString(file).replace("crateTypes", "crate_types"));
            }
        }
        assertEquals(first, cargo.locate(request("dev")));
        assertEquals(2, commands.size(), commands.toString());
        assertEquals(first, cargo.locate(request("dev")));
        assertEquals(2, commands.size(), "kept again: " + commands);
    }

    @Test
    void aChangedCargoTomlIsReadAgain() throws Exception {
        cargo.locate(request("dev"));
        Files.writeString(manifest, Files.readString(manifest).replace("0.3.1", "0.4.0"));
        Files.setLastModifiedTime(manifest, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        assertEquals("0.4.0", cargo.locate(request("dev")).rootPackage().version());
        assertEquals(2, commands.size(), commands.toString());
    }

    /** A .cargo/config.toml may move the target directory. */
    @Test
    void aNewCargoConfigIsReadAgain() throws Exception {
        CargoWorkspace before = cargo.locate(request("dev"));
        Files.createDirectories(dir.resolve(".cargo"));
        Files.writeString(dir.resolve(".cargo/config.toml"), "[build]\ntarget-dir = \"elsewhere\"\n");
        CargoWorkspace after = cargo.locate(request("dev"));
        assertEquals(2, commands.size(), commands.toString());
        assertEquals(dir.resolve("elsewhere"), after.targetDirectory());
        assertEquals(before.rootPackage(), after.rootPackage());
    }

    @Test
    void anotherEnvironmentIsAnotherAnswer() throws Exception {
        cargo.locate(request("dev"));
        cargo.locate(new CargoBuildRequest("cargo", manifest, "dev", List.of(), false, List.of(),
                Map.of("CARGO_TARGET_DIR", dir.resolve("other").toString()), true));
        assertEquals(2, commands.size(), commands.toString());
    }

    /** rustup picks the cargo (and its metadata format) from rust-toolchain.toml in the crate or any parent. */
    @Test
    void aNewRustToolchainFileIsReadAgain() throws Exception {
        cargo.locate(request("dev"));
        Files.writeString(dir.resolve("rust-toolchain.toml"), "[toolchain]\nchannel = \"" + activeToolchain()
                + "\"\n");
        cargo.locate(request("dev"));
        assertEquals(2, commands.size(), commands.toString());
        cargo.locate(request("dev"));
        assertEquals(2, commands.size(), commands.toString());
    }

    @Test
    void anotherRustupToolchainIsAnotherAnswer() throws Exception {
        cargo.locate(request("dev"));
        cargo.locate(new CargoBuildRequest("cargo", manifest, "dev", List.of(), false, List.of(),
                Map.of("RUSTUP_TOOLCHAIN", "stable"), true));
        assertEquals(2, commands.size(), commands.toString());
    }

    private CargoBuildRequest request(String profile) {
        return new CargoBuildRequest("cargo", manifest, profile, List.of(), false, List.of(), Map.of(), true);
    }

    /** The toolchain rustup runs now, so that the file changes nothing but its own presence; without rustup, any. */
    private static String activeToolchain() {
        try {
            Process rustup = new ProcessBuilder("rustup", "show", "active-toolchain").start();
            String out = new String(rustup.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (rustup.waitFor() == 0 && !out.isEmpty()) {
                return out.split("\\s+")[0];
            }
        } catch (Exception e) {
            // no rustup: cargo does not read the file
        }
        return "stable";
    }

    private static boolean cargoIsInstalled() {
        try {
            return new ProcessBuilder("cargo", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
