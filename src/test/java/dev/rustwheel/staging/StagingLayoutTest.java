package dev.rustwheel.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StagingLayoutTest {

    private final Path build = Path.of("/work/project/target");
    private final StagingLayout layout = StagingLayout.under(build);

    @Test
    void keepsEverythingUnderRustwheelInTheBuildDirectory() {
        assertEquals(build.resolve("rustwheel"), layout.root());
        assertEquals(build.resolve("rustwheel/manifest.json"), layout.manifest());
        assertEquals(build.resolve("rustwheel/staging"), layout.stagingDirectory());
    }

    @Test
    void stagedPathKeepsCargosFileNameUnderTheKind() {
        Path cargo = Path.of("/work/crate/target/release/libfastparse.so");

        assertEquals(build.resolve("rustwheel/staging/cdylib/libfastparse.so"), layout.stagedPathFor(ArtifactKind.CDYLIB, cargo));
    }

    @Test
    void aBinAndALibraryWithTheSameFileNameDoNotClash() {
        Path lib = Path.of("/work/crate/target/release/fastparse");
        Path bin = Path.of("/work/crate/target/other/fastparse");

        assertNotEquals(layout.stagedPathFor(ArtifactKind.CDYLIB, lib), layout.stagedPathFor(ArtifactKind.BIN, bin));
    }
}
