package dev.rustwheel.goals;

import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelLayout;
import dev.rustwheel.staging.store.ManifestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A manifest equal to what the file holds is not written again. Every write is atomic, a temp file renamed over
 * the manifest while the old one still exists, so a write shows as a new inode.
 */
class ModuleStateTest {

    @TempDir
    Path dir;

    private Path buildDirectory;
    private Path manifestFile;
    private StagingManifest manifest;

    @BeforeEach
    void recordAManifest() throws Exception {
        buildDirectory = dir.resolve("target");
        manifestFile = StagingLayout.under(buildDirectory).manifest();
        StagedArtifact artifact = new StagedArtifact(ArtifactKind.CDYLIB, "fp", dir.resolve("release/libfp.so"),
                buildDirectory.resolve("rustwheel/staging/cdylib/libfp.so"), 4, null, false, ArtifactState.COMPILED);
        manifest = StagingManifest.of(new CrateInfo(dir.resolve("Cargo.toml"), "fast-parse", "1.2.0", dir.resolve(
                "release"), CrateMetadata.EMPTY, Map.of()), List.of(), List.of(artifact));
        new ManifestStore(StagingLayout.under(buildDirectory)).write(manifest);
    }

    /** The manifest file's key (device and inode): a new one for every write. */
    private Object identity() throws Exception {
        return Files.readAttributes(manifestFile, BasicFileAttributes.class).fileKey();
    }

    @Test
    void leavesTheFileAloneWhenTheManifestReadIsWrittenUnchanged() throws Exception {
        ModuleState state = new ModuleState(buildDirectory, new RecordingLog());
        Object before = identity();

        state.write(state.require("repair").withLayout(null));

        assertEquals(before, identity());
    }

    @Test
    void writesAChangedManifestAndThenSkipsTheSameOneAgain() throws Exception {
        ModuleState state = new ModuleState(buildDirectory, new RecordingLog());
        StagingManifest changed = state.require("repair").withLayout(new WheelLayout("EXTENSION", "fp", "fp",
                "fast_parse", "fast_parse.libs", "fast_parse.scripts"));
        Object before = identity();

        state.write(changed);
        Object written = identity();
        state.write(changed);

        assertNotEquals(before, written);
        assertEquals(changed, new ModuleState(buildDirectory, new RecordingLog()).require("package"));
        assertEquals(written, identity(), "written once");
    }

    @Test
    void writesAgainOnceTheStoreWasHandedOutForMovesThatWriteItThemselves() throws Exception {
        ModuleState state = new ModuleState(buildDirectory, new RecordingLog());
        StagingManifest read = state.require("stage");
        state.store().write(read.withArtifact(0, a -> a.movedTo(ArtifactState.STAGING)));
        Object before = identity();

        state.write(read);

        assertNotEquals(before, identity());
        assertEquals(read, new ModuleState(buildDirectory, new RecordingLog()).require("package"));
    }

    @Test
    void writesWhatItNeverRead() throws Exception {
        ModuleState state = new ModuleState(buildDirectory, new RecordingLog());
        Object before = identity();

        state.write(manifest);

        assertNotEquals(before, identity());
    }
}
