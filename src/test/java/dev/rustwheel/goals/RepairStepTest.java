package dev.rustwheel.goals;

import dev.rustwheel.staging.ArtifactKind;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustwheel.project.MaturinSettings;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import dev.rustwheel.staging.ManifestStore;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repair goal on a staged fixture records the one layout package must then follow. */
class RepairStepTest {

    @TempDir
    Path dir;

    private static final BuildLog QUIET = new BuildLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void debug(String message) {
        }
    };

    @Test
    void recordsTheLayoutItDecided() throws Exception {
        Path buildDirectory = dir.resolve("target");
        ManifestStore store = new ManifestStore(StagingLayout.under(buildDirectory));
        store.write(StagingManifest.of(new CrateInfo(dir.resolve("Cargo.toml"), "fast-parse", "1.2.0-rc.1", null,
                CrateMetadata.EMPTY, Map.of()), List.of(), List.of(new StagedArtifact(ArtifactKind.CDYLIB, "fp",
                dir.resolve("target/release/libfp.so"), buildDirectory.resolve("rustwheel/staging/libfp.so"), 4, null,
                false, ArtifactState.COMPILED))));
        Files.writeString(dir.resolve("pyproject.toml"), "[tool.maturin]\nmodule-name = \"fast_parse._fp\"\n");

        new RepairStep(buildDirectory, QUIET).run(new RepairConfig("linux", null, AuditwheelMode.REPAIR, List.of(),
                dir.resolve("pyproject.toml"), MaturinSettings.NONE, "parameter compatibility",
                "parameter auditwheel"));

        assertEquals(new WheelLayout("EXTENSION", "fast_parse._fp", "fast_parse", "fast_parse",
                "fast_parse.libs", "fast_parse.scripts"), store.read().orElseThrow().layout());
    }
}
