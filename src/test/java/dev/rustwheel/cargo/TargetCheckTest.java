package dev.rustwheel.cargo;

import dev.rustwheel.process.ProcessRunner;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target triple is checked before cargo runs, against a stand-in rustc that answers as a real one does. */
class TargetCheckTest {

    private static final String PARAMETER = "parameter target (property rustwheel.target, set by -Drustwheel.target"
            + " on the command line)";

    @TempDir
    Path dir;

    @Test
    void triplesAndTargetSpecificationsPassWhatIsNoTripleIsRefusedNamingTheParameter() {
        for (String good : List.of("x86_64-pc-windows-gnu", "aarch64-apple-darwin", "wasm32-wasi",
                "armv7-unknown-linux-gnueabihf", "thumbv7em-none-eabihf", "my-target.json")) {
            assertDoesNotThrow(() -> TargetCheck.requireTriple(good, PARAMETER), good);
        }
        for (String bad : List.of("windows", "x86_64 pc windows", "X86_64-PC-WINDOWS-GNU", "a-b-c-d-e", "--release")) {
            CargoException e = assertThrows(CargoException.class, () -> TargetCheck.requireTriple(bad, PARAMETER));
            assertEquals(CargoException.Reason.BAD_TARGET, e.reason());
            assertTrue(e.getMessage().startsWith(PARAMETER + " = '" + bad + "' is not a Rust target triple")
                    && e.getMessage().contains("x86_64-pc-windows-msvc"), e.getMessage());
        }
    }

    @Test
    void aTargetWithoutItsStandardLibraryIsRefusedWithTheCommandThatInstallsIt() throws Exception {
        Path sysroot = Files.createDirectories(dir.resolve("sysroot/lib/rustlib/x86_64-unknown-linux-gnu/lib"))
                .getParent().getParent().getParent().getParent();
        Path rustc = fakeRustc(sysroot, "x86_64-unknown-linux-gnu", "x86_64-pc-windows-gnu", "aarch64-apple-darwin");

        CargoException missing = assertThrows(CargoException.class, () -> check(rustc, "x86_64-pc-windows-gnu"));
        assertTrue(missing.getMessage().contains("'x86_64-pc-windows-gnu': " + rustc + " (sysroot " + sysroot
                + ") has no standard library for it") && missing.getMessage().contains(
                        "rustup target add x86_64-pc-windows-gnu"), missing.getMessage());

        CargoException unknown = assertThrows(CargoException.class, () -> check(rustc, "x86_64-pc-windws-gnu"));
        assertTrue(unknown.getMessage().contains("is not a target that " + rustc + " knows"), unknown.getMessage());

        assertDoesNotThrow(() -> check(rustc, "x86_64-unknown-linux-gnu"));
    }

    @Test
    void theRustcOfTheCratesCargoConfigIsTheOneAsked() throws Exception {
        Path crate = Files.createDirectories(dir.resolve("ws/crate"));
        Files.createDirectories(dir.resolve("ws/.cargo"));
        Files.writeString(dir.resolve("ws/.cargo/config.toml"), "[build]\nrustc = \"/usr/bin/rustc\"\n");
        CargoBuildRequest request = new CargoBuildRequest("cargo", crate.resolve("Cargo.toml"), "release", List.of(),
                false, List.of(), Map.of(), true);

        assertEquals(Optional.of("/usr/bin/rustc"), TargetCheck.configuredRustc(crate));
        assertEquals("/opt/rustc", TargetCheck.rustc(request.withEnvironment(Map.of("RUSTC", "/opt/rustc"))));
    }

    private void check(Path rustc, String triple) throws CargoException {
        CargoBuildRequest request = new CargoBuildRequest("cargo", dir.resolve("Cargo.toml"), "release", List.of(),
                false, List.of(), Map.of("RUSTC", rustc.toString()), true).withTarget(Optional.of(triple));
        new TargetCheck(new ProcessRunner(command -> { })).requireInstalled(request, PARAMETER);
    }

    /** A rustc that answers {@code --print sysroot} and {@code --print target-list} as rustc does. */
    private Path fakeRustc(Path sysroot, String... known) throws Exception {
        Path script = dir.resolve("rustc");
        Files.writeString(script, "#!/bin/sh\ncase \"$2\" in\n  sysroot) echo " + sysroot + " ;;\n"
                + "  target-list) printf '%s\\n' " + String.join(" ", known) + " ;;\nesac\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
