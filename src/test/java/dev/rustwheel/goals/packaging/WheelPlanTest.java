package dev.rustwheel.goals.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.project.ResolvedProject;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.wheel.zip.Compression;
import dev.rustwheel.wheel.entry.WheelEntry;
import dev.rustwheel.wheel.WheelTag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning a wheel: which entries it holds and where their bytes come from, before anything is written. */
class WheelPlanTest {

    private static final WheelTag TAG = new WheelTag("cp311", "cp311", "manylinux_2_17_x86_64");

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void aMixedProjectHoldsItsPythonPackageAndTheExtensionModuleInsideIt() throws Exception {
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"fast-parse\"\nversion = \"1.2.0\"\n"
                + "[tool.maturin]\nmodule-name = \"fast_parse._native\"\npython-source = \"python\"\n");
        Path init = Files.createDirectories(dir.resolve("python/fast_parse")).resolve("__init__.py");
        Files.writeString(init, "from ._native import *\n");
        StagingManifest manifest = manifest(ArtifactKind.CDYLIB, "libfast_parse.so");

        WheelPlan plan = plan(manifest);

        assertEquals(dir.resolve("wheels/fast_parse-1.2.0-cp311-cp311-manylinux_2_17_x86_64.whl"), plan.file());
        assertEquals("fast_parse-1.2.0.dist-info", plan.distInfoDirectory());
        assertEquals(List.of("fast_parse/__init__.py", "fast_parse/_native.cpython-311-x86_64-linux-gnu.so"),
                paths(plan.payload()));
        assertEquals(Map.of(0, "fast_parse/_native.cpython-311-x86_64-linux-gnu.so"), plan.artifactPaths());
        assertEquals(List.of("METADATA", "WHEEL"), paths(plan.distInfoFiles()));
        assertEquals(Files.size(init), plan.payload().get(0).content().size(), "the file itself, not a copy");
        assertTrue(plan.cleanDigests().isEmpty(), "filled only while the wheel is written");
        assertEquals(List.of(), warnings);
    }

    @Test
    void cffiBindingsArePlannedAsTheirOwnPackageInsideTheMixedOne() throws Exception {
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"fast-parse\"\nversion = \"1.2.0\"\n"
                + "dependencies = [\"cffi\"]\n[tool.maturin]\nbindings = \"cffi\"\n");
        Files.createDirectories(dir.resolve("fast_parse"));
        Files.writeString(dir.resolve("fast_parse/__init__.py"), "from .fast_parse import ffi, lib\n");
        WheelPlan plan = plan(manifest(ArtifactKind.CDYLIB, "libfast_parse.so"));

        assertEquals(List.of("fast_parse/__init__.py", "fast_parse/fast_parse/__init__.py",
                "fast_parse/fast_parse/ffi.py", "fast_parse/fast_parse/libfast_parse.so"), paths(plan.payload()));
        assertEquals(Map.of(0, "fast_parse/fast_parse/libfast_parse.so"), plan.artifactPaths());
    }

    @Test
    void aBinCrateIsPlannedAsAScriptInTheDataDirectory() throws Exception {
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"fp-cli\"\nversion = \"0.1.0\"\n"
                + "[tool.maturin]\nbindings = \"bin\"\n");
        WheelPlan plan = plan(manifest(ArtifactKind.BIN, "fp"));

        assertEquals(List.of("fp_cli-0.1.0.data/scripts/fp"), paths(plan.payload()));
        assertEquals(Map.of(0, "fp_cli-0.1.0.data/scripts/fp"), plan.artifactPaths());
        assertTrue(plan.payload().get(0).executable());
    }

    @Test
    void aScriptNamedAsTheExecutableIsRefusedBeforeAnythingIsWritten() throws Exception {
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"fp-cli\"\nversion = \"0.1.0\"\n"
                + "[project.scripts]\nfp = \"fp_cli:main\"\n[tool.maturin]\nbindings = \"bin\"\n");
        StagingManifest manifest = manifest(ArtifactKind.BIN, "fp");

        Exception e = assertThrows(Exception.class, () -> plan(manifest));

        assertTrue(e.getMessage().contains("declares 'fp', which is also the name of the crate's executable"),
                e.getMessage());
        assertTrue(Files.notExists(dir.resolve("wheels")));
    }

    private WheelPlan plan(StagingManifest manifest) throws Exception {
        // a PyO3 crate: no library is read to detect its bindings
        ResolvedProject project = ResolvedProject.resolve(dir.resolve("pyproject.toml"), MaturinSettings.NONE,
                manifest, null, (cdylib, module) -> {
                    throw new AssertionError("read " + cdylib);
                });
        PackageConfig config = new PackageConfig(List.of("python3"), "parameter pythonExecutable",
                dir.resolve("pyproject.toml"), MaturinSettings.NONE, dir.resolve("wheels"),
                FileTime.fromMillis(315532800000L), Compression.DEFAULT, 1, "0.0.0", false, false, null, null, null);
        return WheelPlan.of(manifest, config, project, project.layout(), TAG, ".cpython-311-x86_64-linux-gnu.so",
                "ffi = 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new SbomContents(new SystemPackages(dir.resolve("no-os-release"))), warnings::add);
    }

    private StagingManifest manifest(ArtifactKind kind, String fileName) throws Exception {
        Path artifact = Files.createDirectories(dir.resolve("target/release")).resolve(fileName);
        Files.write(artifact, new byte[] {0x7f, 'E', 'L', 'F'});
        StagedArtifact staged = new StagedArtifact(kind, "fast_parse", artifact,
                dir.resolve("target/rustwheel/staging/" + fileName), 4, null, false, ArtifactState.COMPILED);
        return StagingManifest.of(new CrateInfo(dir.resolve("Cargo.toml"), "fast-parse", "1.2.0", null,
                CrateMetadata.EMPTY, Map.of("pyo3", List.of("0.17.3"))), List.of(), List.of(staged));
    }

    private static List<String> paths(List<WheelEntry> entries) {
        return entries.stream().map(WheelEntry::path).sorted().toList();
    }
}
