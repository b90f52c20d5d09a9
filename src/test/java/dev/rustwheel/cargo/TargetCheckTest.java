package dev.rustwheel.cargo;

import dev.rustwheel.process.ProcessRunner;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
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

    @Test
    void theSysrootIsKeptWhileRustcAndTheToolchainFilesAreUnchanged() throws Exception {
        Path library = Files.createDirectories(dir.resolve("sysroot/lib/rustlib/x86_64-pc-windows-gnu/lib"));
        Path rustc = fakeRustc(dir.resolve("sysroot"), "x86_64-pc-windows-gnu");
        Path crate = Files.createDirectories(dir.resolve("ws/crate"));
        TargetCheck cached = new TargetCheck(new ProcessRunner(command -> { }), dir.resolve("cache"));

        check(cached, crate, rustc, "x86_64-pc-windows-gnu");
        check(cached, crate, rustc, "x86_64-pc-windows-gnu");
        assertEquals(1, asked(), "rustc is asked once");

        Files.writeString(dir.resolve("ws/rust-toolchain.toml"), "[toolchain]\nchannel = \"1.95\"\n");
        check(cached, crate, rustc, "x86_64-pc-windows-gnu");
        assertEquals(2, asked(), "a rust-toolchain.toml above the crate may choose another rustc");

        Files.setLastModifiedTime(rustc, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        check(cached, crate, rustc, "x86_64-pc-windows-gnu");
        assertEquals(3, asked(), "another rustc program");

        Files.delete(library);
        CargoException removed = assertThrows(CargoException.class,
                () -> check(cached, crate, rustc, "x86_64-pc-windows-gnu"));
        assertTrue(removed.getMessage().contains("has no standard library for it"), removed.getMessage());
        assertEquals(3, asked(), "the kept sysroot is used, its standard library looked at anew");
    }

    private long asked() throws Exception {
        return Files.readAllLines(dir.resolve("rustc.log")).stream().filter(l -> l.equals("--print sysroot")).count();
    }

    private void check(TargetCheck check, Path crate, Path rustc, String triple) throws CargoException {
        check.requireInstalled(new CargoBuildRequest("cargo", crate.resolve("Cargo.toml"), "release", List.of(), false,
                List.of(), Map.of("RUSTC", rustc.toString()), true).withTarget(Optional.of(triple)), PARAMETER);
    }

    private void check(Path rustc, String triple) throws CargoException {
        check(new TargetCheck(new ProcessRunner(command -> { })), dir, rustc, triple);
    }

    /** A rustc that answers {@code --print sysroot} and {@code --print target-list} as rustc does, and logs them. */
    private Path fakeRustc(Path sysroot, String... known) throws Exception {
        Path script = dir.resolve("rustc");
        Files.writeString(script, "#!/bin/sh\necho \"$*\" >> " + dir.resolve("rustc.log") + "\n"
                + "case \"$2\" in\n  sysroot) echo " + sysroot + " ;;\n"
                + "  target-list) printf '%s\\n' " + String.join(" ", known) + " ;;\nesac\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
