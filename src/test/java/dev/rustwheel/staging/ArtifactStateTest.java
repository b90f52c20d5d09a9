package dev.rustwheel.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArtifactStateTest {

    @ParameterizedTest(name = "{0}: needsRestore={1}, isStaged={2}")
    @CsvSource({
            "COMPILED,  false, false",
            "STAGING,   true,  false",
            "RENAMED,   true,  true",
            "MIRRORED,  true,  true",
            "RESTORING, true,  false",
            "RESTORED,  false, false",
    })
    void table(ArtifactState state, boolean needsRestore, boolean isStaged) {
        assertEquals(needsRestore, state.needsRestore(), "needsRestore");
        assertEquals(isStaged, state.isStaged(), "isStaged");
    }

    @ParameterizedTest(name = "{0} may move to {1}")
    @CsvSource(delimiter = '|', value = {
            "COMPILED  | STAGING",
            "STAGING   | RENAMED MIRRORED RESTORING",
            "RENAMED   | RESTORING",
            "MIRRORED  | RESTORING",
            "RESTORING | RESTORED",
            "RESTORED  | STAGING",
    })
    void transitions(ArtifactState from, String allowed) {
        List<String> expected = List.of(allowed.trim().split(" "));
        for (ArtifactState to : ArtifactState.values()) {
            assertEquals(expected.contains(to.name()), from.canMoveTo(to), from + " -> " + to);
        }
    }

    @Test
    void aMoveTheMachineDoesNotAllowIsRefused() {
        StagedArtifact compiled = artifact(ArtifactState.COMPILED);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> compiled.movedTo(ArtifactState.RESTORED));
        assertEquals(ArtifactState.STAGING, compiled.movedTo(ArtifactState.STAGING).state());
    }

    @Test
    void everyStateIsInTheTable() {
        // the table above lists six states; a new state must be added to it deliberately
        assertEquals(6, ArtifactState.values().length);
    }

    @ParameterizedTest
    @CsvSource({"COMPILED, cargo", "STAGING, cargo", "RENAMED, staged", "MIRRORED, staged", "RESTORING, cargo",
            "RESTORED, cargo"})
    void currentPathFollowsTheState(ArtifactState state, String where) {
        StagedArtifact artifact = artifact(state);

        Path expected = where.equals("staged") ? artifact.stagedPath() : artifact.cargoPath();
        assertEquals(expected, artifact.currentPath());
    }

    @Test
    void aManifestNeedsRestoreWhenAnyArtifactDoes() {
        CrateInfo crate = new CrateInfo(Path.of("/c/Cargo.toml"), "demo", "0.1.0");

        assertFalse(StagingManifest.of(crate, List.of(),
                List.of(artifact(ArtifactState.COMPILED), artifact(ArtifactState.RESTORED))).needsRestore());
        assertTrue(StagingManifest.of(crate, List.of(),
                List.of(artifact(ArtifactState.RESTORED), artifact(ArtifactState.RENAMED))).needsRestore());
    }

    private static StagedArtifact artifact(ArtifactState state) {
        return new StagedArtifact(ArtifactKind.CDYLIB, "demo", Path.of("/c/target/release/libdemo.so"),
                Path.of("/c/target/rustwheel/staging/cdylib/libdemo.so"), 10, null, false, state);
    }
}
