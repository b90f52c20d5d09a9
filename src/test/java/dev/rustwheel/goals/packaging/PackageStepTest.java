package dev.rustwheel.goals.packaging;

import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.binary.elf.Gcc;
import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.python.interpreter.PythonInterpreter;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.FileIdentity;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelLayout;
import dev.rustwheel.staging.store.ManifestStore;
import dev.rustwheel.wheel.zip.Compression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The package goal on a staged fixture: it uses the layout repair recorded and refuses one it would not give. */
class PackageStepTest {

    private static final PythonInterpreter PYTHON = new PythonInterpreter("/usr/bin/python3", "cpython", 3, 11,
            ".cpython-311-x86_64-linux-gnu.so", Optional.of("cpython-311-x86_64-linux-gnu"), "linux-x86_64", 8);

    @TempDir
    Path dir;

    private final List<String> messages = new ArrayList<>();
    private final BuildLog log = new BuildLog() {
        @Override
        public void info(String message) {
            messages.add(message);
        }

        @Override
        public void warn(String message) {
            messages.add(message);
        }

        @Override
        public void debug(String message) {
        }
    };

    private static final WheelLayout AS_CONFIGURED = new WheelLayout("EXTENSION", "fp", "fp", "fast_parse",
            "fast_parse.libs", "fast_parse.scripts");

    private Path build(WheelLayout recorded) throws Exception {
        Path buildDirectory = dir.resolve("target");
        Path library = Files.createDirectories(dir.resolve("target/release")).resolve("libfp.so");
        Files.write(library, new byte[] {0x7f, 'E', 'L', 'F'});
        StagedArtifact artifact = new StagedArtifact(ArtifactKind.CDYLIB, "fp", library,
                buildDirectory.resolve("rustwheel/staging/libfp.so"), 4, null, false, ArtifactState.COMPILED);
        // a PyO3 crate: its bindings are known without reading the (fake) library
        StagingManifest manifest = StagingManifest.of(new CrateInfo(dir.resolve("Cargo.toml"), "fast-parse", "1.2.0",
                null, CrateMetadata.EMPTY, Map.of("pyo3", List.of())), List.of(), List.of(artifact));
        new ManifestStore(StagingLayout.under(buildDirectory)).write(recorded == null ? manifest
                : manifest.withLayout(recorded));
        return buildDirectory;
    }

    private PackageConfig config() {
        return config("python3-never-run", false);
    }

    private PackageConfig config(String python, boolean finalizeAfterwards) {
        return new PackageConfig(List.of(python), "parameter pythonExecutable", dir.resolve("pyproject.toml"),
                MaturinSettings.NONE, dir.resolve("target/wheels"), FileTime.fromMillis(315532800000L),
                Compression.DEFAULT, 1, "0.0.0", finalizeAfterwards, false, null, null, null);
    }

    /** A library cargo built, staged by rename as the stage goal leaves it; its cargo path is returned. */
    private Path stagedLibrary(Path buildDirectory) throws Exception {
        Path cargo = Gcc.sharedLibrary(Files.createDirectories(dir.resolve("target/release")), "libfp.so",
                "void *PyInit_fp(void) { return 0; }");
        Path staged = buildDirectory.resolve("rustwheel/staging/cdylib/libfp.so");
        Files.createDirectories(staged.getParent());
        Files.move(cargo, staged);
        Files.setLastModifiedTime(staged, FileTime.fromMillis(1_700_000_000_000L));
        return cargo;
    }

    @Test
    void refusesALayoutThatDiffersFromTheOneRepairRecorded() throws Exception {
        WheelLayout recorded = new WheelLayout("EXTENSION", "pkg._fp", "pkg", "fast_parse",
                "fast_parse.libs", "fast_parse.scripts");
        Path buildDirectory = build(recorded);
        PackageStep step = new PackageStep(buildDirectory, log, (executable, directory) -> {
            throw new AssertionError("no interpreter is asked before the layout is checked");
        });

        BuildException e = assertThrows(BuildException.class, () -> step.run(config()));

        assertTrue(e.isUserError());
        assertEquals("The wheel's layout differs between repair and package: module name 'pkg._fp' as repair"
                + " recorded it, 'fp' as package is configured; module directory 'pkg' as repair recorded it, 'fp' as"
                + " package is configured. Give both goals the same moduleName, bindings and pyproject (configure"
                + " them on the plugin, not on one execution), then build again.", e.getMessage());
        assertTrue(Files.notExists(dir.resolve("target/wheels")), "no wheel may be written");
    }

    /**
     * The digest package takes while streaming the library is recorded with the identity of the file it read, which
     * the rename back to cargo keeps: the next restore can trust the digest without reading the library again.
     */
    @Test
    void recordsTheStreamedLibrarysDigestWithTheIdentityOfItsFile() throws Exception {
        Path buildDirectory = dir.resolve("target");
        Path cargo = stagedLibrary(buildDirectory);
        Path staged = buildDirectory.resolve("rustwheel/staging/cdylib/libfp.so");
        StagedArtifact artifact = new StagedArtifact(ArtifactKind.CDYLIB, "fp", cargo, staged, Files.size(staged),
                null, false, ArtifactState.RENAMED);
        new ManifestStore(StagingLayout.under(buildDirectory)).write(StagingManifest.of(new CrateInfo(
                dir.resolve("Cargo.toml"), "fast-parse", "1.2.0", dir.resolve("target"), CrateMetadata.EMPTY,
                Map.of()), List.of(), List.of(artifact)));
        PackageConfig config = config("python3", true);

        new PackageStep(buildDirectory, log, (executable, directory) -> PYTHON).run(config);

        StagedArtifact recorded = new ManifestStore(StagingLayout.under(buildDirectory)).read().orElseThrow()
                .artifacts().get(0);
        assertEquals(ArtifactState.RESTORED, recorded.state());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(cargo))),
                recorded.sha256());
        assertEquals(FileIdentity.of(cargo).orElseThrow(), recorded.digested(), "the file read, renamed back");
    }

    /**
     * A rebuild with nothing changed leaves the wheel and the manifest as they were (no temp file, fsync and rename:
     * a write shows as a new inode); a library written since is recorded again.
     */
    @Test
    void writesNoManifestWhenTheWheelAndTheDigestsAreAlreadyRecorded() throws Exception {
        Path buildDirectory = dir.resolve("target");
        Path cargo = stagedLibrary(buildDirectory);
        Path staged = buildDirectory.resolve("rustwheel/staging/cdylib/libfp.so");
        new ManifestStore(StagingLayout.under(buildDirectory)).write(StagingManifest.of(new CrateInfo(
                dir.resolve("Cargo.toml"), "fast-parse", "1.2.0", dir.resolve("target"), CrateMetadata.EMPTY,
                Map.of("pyo3", List.of())), List.of(), List.of(new StagedArtifact(ArtifactKind.CDYLIB, "fp", cargo,
                staged, Files.size(staged), null, false, ArtifactState.RENAMED))));
        PackageConfig config = config("python3", false);
        Path manifestFile = StagingLayout.under(buildDirectory).manifest();
        new PackageStep(buildDirectory, log, (executable, directory) -> PYTHON).run(config);
        Object written = Files.readAttributes(manifestFile, BasicFileAttributes.class).fileKey();

        new PackageStep(buildDirectory, log, (executable, directory) -> PYTHON).run(config);

        assertEquals(written, Files.readAttributes(manifestFile, BasicFileAttributes.class).fileKey());
        assertTrue(messages.get(messages.size() - 1).contains("is up to date"), messages.toString());

        Files.setLastModifiedTime(staged, FileTime.fromMillis(1_700_000_001_000L));
        new PackageStep(buildDirectory, log, (executable, directory) -> PYTHON).run(config);

        assertNotEquals(written, Files.readAttributes(manifestFile, BasicFileAttributes.class).fileKey());
        assertEquals(FileIdentity.of(staged).orElseThrow(), new ManifestStore(StagingLayout.under(buildDirectory))
                .read().orElseThrow().artifacts().get(0).digested(), "the library written since is recorded");
    }

    @Test
    void theSameLayoutPassesAndAMissingOneIsTheConfiguredOne() throws Exception {
        StagingManifest withLayout = StagingManifest.of(null, List.of(), List.of()).withLayout(AS_CONFIGURED);
        assertEquals(AS_CONFIGURED, PackageStep.recordedLayout(withLayout, AS_CONFIGURED));
        assertEquals(AS_CONFIGURED, PackageStep.recordedLayout(StagingManifest.of(null, List.of(), List.of()),
                AS_CONFIGURED));
    }
}
