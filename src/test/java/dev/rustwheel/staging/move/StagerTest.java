package dev.rustwheel.staging.move;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.Fixtures;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingException;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.store.ManifestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StagerTest {

    private static final byte[] LIBRARY = "\u007fELF pretend shared object".getBytes(UTF_8);

    @TempDir
    Path tempDir;

    private Fixtures fx;
    private Stager stager;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(tempDir);
        stager = new Stager(fx.store);
    }

    @ParameterizedTest
    @EnumSource(value = ArtifactState.class, names = {"COMPILED", "RESTORED"})
    void movesCargosOutputByRename(ArtifactState before) throws Exception {
        StagedArtifact artifact = fx.artifact("cdylib", "libdemo.so", LIBRARY.length, before);
        Fixtures.write(artifact.cargoPath(), LIBRARY);
        Object inode = Fixtures.fileKey(artifact.cargoPath());

        StagingManifest result = stager.stage(Fixtures.manifest(artifact));

        assertEquals(ArtifactState.RENAMED, result.artifacts().get(0).state());
        assertFalse(Files.exists(artifact.cargoPath()), "cargo's path must be empty after a rename");
        assertArrayEquals(LIBRARY, Files.readAllBytes(artifact.stagedPath()));
        assertEquals(inode, Fixtures.fileKey(artifact.stagedPath()), "a rename keeps the inode; a copy would not");
    }

    @Test
    void theManifestOnDiskSaysRenamed() throws Exception {
        StagedArtifact lib = fx.artifact("cdylib", "libdemo.so", LIBRARY.length, ArtifactState.COMPILED);
        StagedArtifact bin = fx.artifact("bin", "demo-cli", 3, ArtifactState.COMPILED);
        Fixtures.write(lib.cargoPath(), LIBRARY);
        Fixtures.write(bin.cargoPath(), "bin".getBytes(UTF_8));

        StagingManifest result = stager.stage(Fixtures.manifest(lib, bin));

        assertEquals(result, fx.store.read().orElseThrow());
        assertEquals(ArtifactState.RENAMED, fx.stateOnDisk(0));
        assertEquals(ArtifactState.RENAMED, fx.stateOnDisk(1));
    }

    @Test
    void replacesALeftoverAtTheStagedPath() throws Exception {
        StagedArtifact artifact = fx.artifact("cdylib", "libdemo.so", LIBRARY.length, ArtifactState.COMPILED);
        Fixtures.write(artifact.cargoPath(), LIBRARY);
        Fixtures.write(artifact.stagedPath(), "an older build's library, longer than the new one".getBytes(UTF_8));
        Object inode = Fixtures.fileKey(artifact.cargoPath());

        stager.stage(Fixtures.manifest(artifact));

        assertFalse(Files.exists(artifact.cargoPath()));
        assertArrayEquals(LIBRARY, Files.readAllBytes(artifact.stagedPath()));
        assertEquals(inode, Fixtures.fileKey(artifact.stagedPath()));
    }

    @Test
    void aHardLinkToCargosFileAtTheStagedPathIsRemovedFirst() throws Exception {
        StagedArtifact artifact = fx.artifact("cdylib", "libdemo.so", LIBRARY.length, ArtifactState.COMPILED);
        Fixtures.write(artifact.cargoPath(), LIBRARY);
        Files.createDirectories(artifact.stagedPath().getParent());
        Files.createLink(artifact.stagedPath(), artifact.cargoPath());

        StagingManifest result = stager.stage(Fixtures.manifest(artifact));

        // renaming onto another name of the same inode is a no-op in POSIX: both names would survive
        assertEquals(ArtifactState.RENAMED, result.artifacts().get(0).state());
        assertFalse(Files.exists(artifact.cargoPath()), "cargo's name must be gone, not left as a second link");
        assertArrayEquals(LIBRARY, Files.readAllBytes(artifact.stagedPath()));
        assertEquals(1, (Integer) Files.getAttribute(artifact.stagedPath(), "unix:nlink"));
    }

    @Test
    void leavesArtifactsThatAreAlreadyStagedAlone() throws Exception {
        StagedArtifact artifact = fx.artifact("cdylib", "libdemo.so", LIBRARY.length, ArtifactState.RENAMED);
        Fixtures.write(artifact.stagedPath(), LIBRARY);
        Fixtures.write(artifact.cargoPath(), "cargo rebuilt it since".getBytes(UTF_8));

        StagingManifest result = stager.stage(Fixtures.manifest(artifact));

        assertEquals(ArtifactState.RENAMED, result.artifacts().get(0).state());
        assertArrayEquals(LIBRARY, Files.readAllBytes(artifact.stagedPath()));
        assertTrue(Files.exists(artifact.cargoPath()));
    }

    @Test
    void aMissingCargoOutputIsNamedAndTheIntentIsOnDisk() throws Exception {
        StagedArtifact artifact = fx.artifact("cdylib", "libdemo.so", LIBRARY.length, ArtifactState.COMPILED);

        StagingException e = assertThrows(StagingException.class,
                () -> stager.stage(Fixtures.manifest(artifact)));

        assertEquals(artifact.cargoPath(), e.file());
        assertTrue(e.getMessage().contains(artifact.cargoPath().toString()), e.getMessage());
        // STAGING was written before the move was tried, so a later restore knows to look
        assertEquals(ArtifactState.STAGING, fx.stateOnDisk(0));
    }

    @Test
    void acrossFileSystemsItCopiesAndLeavesCargosOriginal() throws Exception {
        Path otherDevice = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(otherDevice) && Files.isWritable(otherDevice),
                "needs /dev/shm as a second file system");
        Path crate = tempDir.resolve("crate/target/release");
        Assumptions.assumeFalse(Files.getFileStore(otherDevice).equals(Files.getFileStore(tempDir)),
                "/dev/shm is on the same file system as " + tempDir);
        Path module = Files.createTempDirectory(otherDevice, "rustwheel-stager-test");
        try {
            ManifestStore store = new ManifestStore(StagingLayout.under(module));
            Path cargo = Fixtures.write(crate.resolve("libdemo.so"), LIBRARY);
            StagedArtifact artifact = new StagedArtifact(ArtifactKind.CDYLIB, "demo", cargo,
                    store.layout().stagedPathFor(ArtifactKind.CDYLIB, cargo), LIBRARY.length, null, false,
                    ArtifactState.COMPILED);
            Object inode = Fixtures.fileKey(cargo);

            StagingManifest result = new Stager(store).stage(Fixtures.manifest(artifact));

            assertEquals(ArtifactState.MIRRORED, result.artifacts().get(0).state());
            assertEquals(ArtifactState.MIRRORED, store.read().orElseThrow().artifacts().get(0).state());
            assertEquals(inode, Fixtures.fileKey(cargo), "cargo's original stays where it is");
            assertArrayEquals(LIBRARY, Files.readAllBytes(artifact.stagedPath()));
            try (Stream<Path> staged = Files.list(artifact.stagedPath().getParent())) {
                assertEquals(List.of(artifact.stagedPath()), staged.toList(), "no .partial copy left behind");
            }
        } finally {
            try (Stream<Path> all = Files.walk(module)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
