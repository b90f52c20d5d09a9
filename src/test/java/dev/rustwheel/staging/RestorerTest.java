package dev.rustwheel.staging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each on-disk situation, for every state that {@link ArtifactState#needsRestore() needs a restore}. */
class RestorerTest {

    private static final byte[] CLEAN = "\u007fELF the bytes cargo built".getBytes(UTF_8);
    private static final byte[] REBUILT = "\u007fELF what cargo rebuilt since, a different size".getBytes(UTF_8);

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
    void bothFiles_cargosNewerOutputIsKeptAndTheStagedOneDeleted(ArtifactState state) throws Exception {
        StagedArtifact artifact = artifact(state);
        Fixtures.write(artifact.stagedPath(), CLEAN);
        Fixtures.write(artifact.cargoPath(), REBUILT);
        Object inode = Fixtures.fileKey(artifact.cargoPath());

        restore(artifact);

        assertArrayEquals(REBUILT, Files.readAllBytes(artifact.cargoPath()));
        assertEquals(inode, Fixtures.fileKey(artifact.cargoPath()));
        assertFalse(Files.exists(artifact.stagedPath()));
    }

    @ParameterizedTest
    @EnumSource(value = ArtifactState.class, names = {"STAGING", "RENAMED", "MIRRORED", "RESTORING"})
    void onlyADamagedStagedFile_isDiscarded(ArtifactState state) throws Exception {
        StagedArtifact artifact = artifact(state);
        Fixtures.write(artifact.stagedPath(), "half a copy".getBytes(UTF_8));

        restore(artifact);

        assertFalse(Files.exists(artifact.stagedPath()));
        assertFalse(Files.exists(artifact.cargoPath()), "a damaged file must not be given to cargo");
        assertTrue(log.stream().anyMatch(line -> line.contains(artifact.stagedPath().toString())), log.toString());
    }

    @ParameterizedTest
    @EnumSource(value = ArtifactState.class, names = {"STAGING", "RENAMED", "MIRRORED", "RESTORING"})
    void neitherFile_isReportedAndMarkedRestored(ArtifactState state) throws Exception {
        StagedArtifact artifact = artifact(state);

        restore(artifact);

        assertFalse(Files.exists(artifact.cargoPath()));
        assertTrue(log.stream().anyMatch(line -> line.contains(artifact.cargoPath().toString())), log.toString());
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
}
