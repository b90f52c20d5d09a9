package dev.rustwheel.goals.repair;

import dev.rustwheel.binary.NativeTools;
import dev.rustwheel.binary.macho.SignatureCheck;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.RecordingLog;
import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import dev.rustwheel.staging.GraftedLibrary;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.store.ManifestStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repair of a module built for another platform than the host (cargo's {@code --target}): the platform follows
 * from the binary's format, and each platform's audit and repair apply. Checked with llvm's otool, the signature
 * check and pefile, never with our own readers.
 */
class CrossRepairStepTest {

    private static final BuildLog QUIET = new RecordingLog();

    @TempDir
    Path dir;

    @Test
    void aUniversal2ModuleCarriesItsDylibAsDelocateWouldWithTheTagOfItsSlices() throws Exception {
        Path vendor = Files.createDirectories(dir.resolve("vendor"));
        Path release = Files.createDirectories(dir.resolve("target/universal2-apple-darwin/release"));
        List<Path> slices = new ArrayList<>();
        List<Path> barSlices = new ArrayList<>();
        for (String[] arch : new String[][] {{"x86_64", "10.12"}, {"arm64", "11.0"}}) {
            Path archDir = Files.createDirectories(dir.resolve("build").resolve(arch[0]));
            Path bar = NativeTools.macho(archDir, "libbar.dylib", arch[0], arch[1], "int bar(int x) { return 2 * x; }",
                    "-install_name", "@rpath/libbar.dylib", "-headerpad_max_install_names");
            barSlices.add(bar);
            slices.add(NativeTools.macho(archDir, "libfp.dylib", arch[0], arch[1],
                    "int bar(int); int PyInit__fp(void) { return bar(21); }", bar.toString(), "-rpath",
                    "/opt/build/lib", "-headerpad_max_install_names"));
        }
        NativeTools.lipo(vendor.resolve("libbar.dylib"), barSlices.toArray(Path[]::new));
        Path module = NativeTools.lipo(release.resolve("libfp.dylib"), slices.toArray(Path[]::new));
        byte[] clean = Files.readAllBytes(module);

        StagingManifest repaired = repair(module, AuditwheelMode.REPAIR, List.of(vendor));

        assertEquals(List.of("macosx_10_12_universal2"), repaired.audit().platformTags());
        GraftedLibrary bar = repaired.grafted().get(0);
        assertEquals(List.of("fast_parse.libs/libbar.dylib"), repaired.grafted().stream()
                .map(GraftedLibrary::archivePath).toList());
        assertEquals(List.of("@rpath/libbar.dylib"), bar.sonames());
        Path patched = dir.resolve("out/fast_parse/_fp.cpython-311-darwin.so");
        Files.createDirectories(patched.getParent());
        repaired.artifacts().get(0).overlay().writePatchedCopy(module, patched);
        Path copy = Files.createDirectories(dir.resolve("out/fast_parse.libs")).resolve("libbar.dylib");
        bar.overlay().writePatchedCopy(bar.sourcePath(), copy);
        String otool = NativeTools.require("llvm-otool-14", "llvm-otool");
        for (String arch : List.of("x86_64", "arm64")) {
            String deps = NativeTools.check(dir, otool, "-L", "-arch", arch, patched.toString());
            assertTrue(deps.contains("@loader_path/../fast_parse.libs/libbar.dylib ("), deps);
            assertTrue(!NativeTools.check(dir, otool, "-l", "-arch", arch, patched.toString()).contains("/opt/build/lib"),
                    "the build machine's rpath is dropped");
        }
        assertEquals("0x1000007 unsigned\n0x100000c ok", SignatureCheck.check(patched));
        assertEquals("0x1000007 unsigned\n0x100000c ok", SignatureCheck.check(copy));
        assertTrue(java.util.Arrays.equals(clean, Files.readAllBytes(module)), "cargo's file was written to");
    }

    @Test
    void aWindowsModuleCarriesItsDllBesideItUnderAMangledName() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        NativeTools.mingw(lib, "bar.dll", "__declspec(dllexport) int bar(int x) { return 2 * x; }", "-shared");
        Path release = Files.createDirectories(dir.resolve("target/x86_64-pc-windows-gnu/release"));
        Path module = NativeTools.mingw(release, "fp.dll", "__declspec(dllimport) int bar(int);\n"
                + "__declspec(dllexport) void *PyInit__fp(void) { return (void *) (long long) bar(21); }\n",
                "-shared", lib.resolve("bar.dll").toString());

        BuildException check = assertThrows(BuildException.class,
                () -> repair(module, AuditwheelMode.CHECK, List.of(lib)));
        assertTrue(check.getMessage().contains("auditwheel = check") && check.getMessage().contains("bar.dll => "
                + lib.resolve("bar.dll")), check.getMessage());
        BuildException missing = assertThrows(BuildException.class,
                () -> repair(module, AuditwheelMode.REPAIR, List.of()));
        assertTrue(missing.getMessage().contains("Cannot find bar.dll => not found")
                && missing.getMessage().contains("holding them in the test's libraryPath,"), missing.getMessage());
        assertEquals(List.of("win_amd64"), repair(module, AuditwheelMode.SKIP, List.of()).audit().platformTags(),
                "without an audit, the tag still comes from the binary, never from this Linux host");

        StagingManifest repaired = repair(module, AuditwheelMode.REPAIR, List.of(lib));

        assertEquals(List.of("win_amd64"), repaired.audit().platformTags());
        GraftedLibrary bar = repaired.grafted().get(0);
        assertTrue(bar.archivePath().matches("fast_parse/bar-[0-9a-f]{32}\\.dll"), bar.archivePath());
        Path patched = dir.resolve("out/_fp.pyd");
        Files.createDirectories(patched.getParent());
        repaired.artifacts().get(0).overlay().writePatchedCopy(module, patched);
        String imports = NativeTools.python(dir, "pefile", "import sys, pefile; print([d.dll.decode() for d in"
                + " pefile.PE(sys.argv[1]).DIRECTORY_ENTRY_IMPORT])", patched.toString());
        assertTrue(imports.contains("'" + bar.fileName() + "'") && !imports.contains("'bar.dll'"), imports);
    }

    private StagingManifest repair(Path module, AuditwheelMode mode, List<Path> libraryPath) throws Exception {
        Path buildDirectory = dir.resolve("target");
        ManifestStore store = new ManifestStore(StagingLayout.under(buildDirectory));
        store.write(StagingManifest.of(new CrateInfo(dir.resolve("Cargo.toml"), "fast-parse", "1.2.0", null,
                CrateMetadata.EMPTY, Map.of()), List.of(), List.of(new StagedArtifact(ArtifactKind.CDYLIB, "fp", module,
                buildDirectory.resolve("rustwheel/staging/" + module.getFileName()), Files.size(module), null, false,
                ArtifactState.COMPILED))));
        Files.writeString(dir.resolve("pyproject.toml"), "[tool.maturin]\nmodule-name = \"fast_parse._fp\"\n");
        new RepairStep(buildDirectory, QUIET).run(new RepairConfig("auto", null, mode, List.of(),
                dir.resolve("pyproject.toml"), MaturinSettings.NONE, "parameter compatibility", "parameter auditwheel",
                libraryPath, "the test's libraryPath"));
        return store.read().orElseThrow();
    }
}
