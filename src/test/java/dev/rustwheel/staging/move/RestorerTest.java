package dev.rustwheel.staging.move;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.FileIdentity;
import dev.rustwheel.staging.Fixtures;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingException;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.store.FileDigest;
import dev.rustwheel.staging.store.ManifestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How the restorer moves files and writes the manifest; every decision is in {@link RecoveryTableTest}. */
class RestorerTest {

    private static final byte[] CLEAN = "\u007fELF the bytes cargo built".getBytes(UTF_8);

    @TempDir
    Path tempDir;

    private Fixtures fx;
    private final List<String> log = new ArrayList<>();
    private Restorer restorer;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixtures(tempDir);
        restorer = new Restorer(fx.store, log::add);
        // staging took the files out of cargo's directory, not the directory itself
        Files.createDirectories(fx.cargoRelease);
    }

    private StagedArtifact artifact(ArtifactState state) {
        return fx.artifact("cdylib", "libdemo.so", CLEAN.length, state);
    }

    /** Restores a manifest of one artifact (written to disk first, as the goals read it) and checks it ends RESTORED. */
    private void restore(StagedArtifact artifact) throws Exception {
        StagingManifest manifest = Fixtures.manifest(artifact);
        fx.store.write(manifest);

        StagingManifest result = restorer.restore(manifest);

        assertEquals(ArtifactState.RESTORED, result.artifacts().get(0).state());
        assertEquals(result, fx.store.read().orElseThrow(), "the manifest on disk is the one returned");
    }

    @ParameterizedTest
    @EnumSource(value = ArtifactState.class, names = {"STAGING", "RENAMED", "MIRRORED", "RESTORING"})
    void onlyTheStagedFile_isRenamedBack(ArtifactState state) throws Exception {
        StagedArtifact artifact = artifact(state);
        Fixtures.write(artifact.stagedPath(), CLEAN);
        Object inode = Fixtures.fileKey(artifact.stagedPath());

        restore(artifact);

        assertArrayEquals(CLEAN, Files.readAllBytes(artifact.cargoPath()));
        assertEquals(inode, Fixtures.fileKey(artifact.cargoPath()), "renamed back, not copied");
        assertFalse(Files.exists(artifact.stagedPath()));
    }

    @ParameterizedTest
    @EnumSource(value = ArtifactState.class, names = {"STAGING", "RENAMED", "MIRRORED", "RESTORING"})
    void onlyCargosFile_isLeftAsItIs(ArtifactState state) throws Exception {
        StagedArtifact artifact = artifact(state);
        Fixtures.write(artifact.cargoPath(), CLEAN);
        Object inode = Fixtures.fileKey(artifact.cargoPath());

        restore(artifact);

        assertArrayEquals(CLEAN, Files.readAllBytes(artifact.cargoPath()));
        assertEquals(inode, Fixtures.fileKey(artifact.cargoPath()));
    }

    @ParameterizedTest
    @EnumSource(value = ArtifactState.class, names = {"STAGING", "RENAMED", "MIRRORED"})
    void theIntentIsOnDiskBeforeTheMoveAndDoneOnlyAfter(ArtifactState state) throws Exception {
        StagedArtifact artifact = artifact(state);
        Fixtures.write(artifact.stagedPath(), CLEAN);
        StagingManifest manifest = Fixtures.manifest(artifact);
        fx.store.write(manifest);
        List<ArtifactState> onDiskWhenMoved = new ArrayList<>();
        List<Boolean> cargoFileWhenMoved = new ArrayList<>();
        Restorer watched = new Restorer(fx.store, line -> {
            // the restorer reports the rename right after it: read what a crash at this instant would leave
            try {
                onDiskWhenMoved.add(fx.stateOnDisk(0));
                cargoFileWhenMoved.add(Files.exists(artifact.cargoPath()));
            } catch (StagingException e) {
                throw new AssertionError(e);
            }
        });

        watched.restore(manifest);

        assertEquals(List.of(true), cargoFileWhenMoved, "the callback ran after the move");
        assertEquals(List.of(ArtifactState.RESTORING), onDiskWhenMoved);
        assertEquals(ArtifactState.RESTORED, fx.stateOnDisk(0));
    }

    @Test
    void restoresEveryArtifactAndLeavesTheOthersAlone() throws Exception {
        StagedArtifact lib = fx.artifact("cdylib", "libdemo.so", CLEAN.length, ArtifactState.RENAMED);
        StagedArtifact bin = fx.artifact("bin", "demo-cli", 3, ArtifactState.RENAMED);
        StagedArtifact done = fx.artifact("cdylib", "libother.so", CLEAN.length, ArtifactState.RESTORED);
        Fixtures.write(lib.stagedPath(), CLEAN);
        Fixtures.write(bin.stagedPath(), "bin".getBytes(UTF_8));
        Fixtures.write(done.stagedPath(), CLEAN); // not the restorer's business: it is not marked as staged
        StagingManifest manifest = Fixtures.manifest(lib, bin, done);
        fx.store.write(manifest);

        StagingManifest result = restorer.restore(manifest);

        assertTrue(result.artifacts().stream().allMatch(a -> a.state() == ArtifactState.RESTORED), result.toString());
        assertFalse(result.needsRestore());
        assertArrayEquals(CLEAN, Files.readAllBytes(lib.cargoPath()));
        assertArrayEquals("bin".getBytes(UTF_8), Files.readAllBytes(bin.cargoPath()));
        assertTrue(Files.exists(done.stagedPath()));
        assertFalse(Files.exists(done.cargoPath()));
    }

    @Test
    void aManifestWithNothingStagedIsNotRewritten() throws Exception {
        StagingManifest manifest = Fixtures.manifest(artifact(ArtifactState.COMPILED));

        StagingManifest result = restorer.restore(manifest);

        assertEquals(manifest, result);
        assertFalse(Files.exists(fx.layout.manifest()));
    }

    @Test
    void renamesBackEvenWhenCargosDirectoryWasCleanedMeanwhile() throws Exception {
        // an interrupted build left the file staged, then the user ran `cargo clean --release`
        StagedArtifact artifact = artifact(ArtifactState.RENAMED);
        Fixtures.write(artifact.stagedPath(), CLEAN);
        Files.delete(fx.cargoRelease);

        restore(artifact);

        assertArrayEquals(CLEAN, Files.readAllBytes(artifact.cargoPath()));
        assertFalse(Files.exists(artifact.stagedPath()));
    }

    @Test
    void aFailedMoveNamesTheFileAndLeavesTheIntentForTheNextBuild() throws Exception {
        StagedArtifact artifact = artifact(ArtifactState.RENAMED);
        Fixtures.write(artifact.stagedPath(), CLEAN);
        Files.delete(fx.cargoRelease);
        Files.writeString(fx.cargoRelease, "a file where cargo's directory should be");
        StagingManifest manifest = Fixtures.manifest(artifact);
        fx.store.write(manifest);

        StagingException e = assertThrows(StagingException.class, () -> restorer.restore(manifest));

        assertEquals(artifact.cargoPath(), e.file());
        assertTrue(e.getMessage().contains(artifact.stagedPath().toString()), e.getMessage());
        assertEquals(ArtifactState.RESTORING, fx.stateOnDisk(0));
        assertArrayEquals(CLEAN, Files.readAllBytes(artifact.stagedPath()), "the staged bytes are kept");
    }

    @Test
    void aStagedFileThatIsStillTheDigestedOne_isNotReadAgain() throws Exception {
        StagedArtifact artifact = artifact(ArtifactState.RENAMED);
        Fixtures.write(artifact.stagedPath(), CLEAN);
        Files.setLastModifiedTime(artifact.stagedPath(), FileTime.fromMillis(1_700_000_000_000L));
        FileIdentity identity = FileIdentity.of(artifact.stagedPath()).orElseThrow();
        // a digest no read of these bytes gives: only trusting the identity moves the file back
        String notTheBytesDigest = "00".repeat(32);

        restore(artifact.withSha256(notTheBytesDigest, identity));

        assertArrayEquals(CLEAN, Files.readAllBytes(artifact.cargoPath()));
        assertEquals(List.of("Gave " + artifact.cargoPath() + " back to cargo"), log);
    }

    @Test
    void aStagedFileWrittenSinceItsDigest_isReadAndFoundDamaged() throws Exception {
        StagedArtifact artifact = artifact(ArtifactState.RENAMED);
        Fixtures.write(artifact.stagedPath(), CLEAN);
        Files.setLastModifiedTime(artifact.stagedPath(), FileTime.fromMillis(1_700_000_000_000L));
        FileIdentity identity = FileIdentity.of(artifact.stagedPath()).orElseThrow();
        String digest = FileDigest.sha256Hex(artifact.stagedPath());
        byte[] damaged = CLEAN.clone();
        damaged[0] = 0;
        Files.write(artifact.stagedPath(), damaged); // same size, new modification time
        StagingManifest manifest = Fixtures.manifest(artifact.withSha256(digest, identity));
        fx.store.write(manifest);

        StagingManifest result = restorer.restore(manifest);

        assertEquals(List.of(), result.artifacts(), "the damaged file's entry is dropped");
        assertFalse(Files.exists(artifact.stagedPath()));
        assertFalse(Files.exists(artifact.cargoPath()), "cargo rebuilds it rather than receive damaged bytes");
    }

    @Test
    void givesAMirroredFileBackAcrossFileSystemsWhenCargosWasDeleted() throws Exception {
        Path otherDevice = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(otherDevice) && Files.isWritable(otherDevice),
                "needs /dev/shm as a second file system");
        Assumptions.assumeFalse(Files.getFileStore(otherDevice).equals(Files.getFileStore(tempDir)),
                "/dev/shm is on the same file system as " + tempDir);
        Path stagingDirectory = Files.createTempDirectory(otherDevice, "rustwheel-restorer-test");
        try {
            ManifestStore store = new ManifestStore(StagingLayout.under(tempDir.resolve("module/target"),
                    stagingDirectory));
            Path cargo = fx.cargoRelease.resolve("libdemo.so");
            StagedArtifact artifact = new StagedArtifact(ArtifactKind.CDYLIB, "demo", cargo,
                    store.layout().stagedPathFor(ArtifactKind.CDYLIB, cargo), CLEAN.length, null, false, ArtifactState.MIRRORED);
            Fixtures.write(artifact.stagedPath(), CLEAN);
            FileTime built = FileTime.fromMillis(1_700_000_000_000L);
            Files.setLastModifiedTime(artifact.stagedPath(), built);
            StagingManifest manifest = Fixtures.manifest(artifact);
            store.write(manifest);

            StagingManifest result = new Restorer(store, log::add).restore(manifest);

            assertEquals(ArtifactState.RESTORED, result.artifacts().get(0).state());
            assertArrayEquals(CLEAN, Files.readAllBytes(cargo));
            assertEquals(built, Files.getLastModifiedTime(cargo), "cargo judges freshness by modification time");
            assertFalse(Files.exists(artifact.stagedPath()));
            try (Stream<Path> files = Files.list(fx.cargoRelease)) {
                assertEquals(List.of(cargo), files.toList(), "no .partial copy left in cargo's directory");
            }
        } finally {
            try (Stream<Path> all = Files.walk(stagingDirectory)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
