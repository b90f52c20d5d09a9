package dev.rustwheel.project;

import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** repair's layout alone is the one the whole resolution decides, without reading what only the metadata needs. */
class ResolvedProjectTest {

    @TempDir
    Path dir;

    private final Bindings.InitExport<RuntimeException> noRead = (cdylib, module) -> {
        throw new AssertionError("a PyO3 crate's library is not read: " + cdylib);
    };

    private StagingManifest pyo3Crate() {
        StagedArtifact library = new StagedArtifact(ArtifactKind.CDYLIB, "fast_parse",
                dir.resolve("target/release/libfast_parse.so"), dir.resolve("target/rustwheel/staging/libfp.so"),
                4, null, false, ArtifactState.COMPILED);
        return StagingManifest.of(new CrateInfo(dir.resolve("Cargo.toml"), "fast-parse", "1.2.0", null,
                CrateMetadata.EMPTY, Map.of("pyo3", List.of("0.17.3"))), List.of(), List.of(library));
    }

    @Test
    void theLayoutAloneIsTheResolvedProjectsLayout() throws Exception {
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"Fast.Parse\"\nversion = \"1.0\"\n"
                + "[tool.maturin]\nmodule-name = \"fast_parse._native\"\n");
        Path pyproject = dir.resolve("pyproject.toml");

        WheelLayout layout = ResolvedProject.layout(pyproject, MaturinSettings.NONE, pyo3Crate(), noRead);

        assertEquals(ResolvedProject.resolve(pyproject, MaturinSettings.NONE, pyo3Crate(), null, noRead).layout(),
                layout);
        assertEquals(new WheelLayout("EXTENSION", "fast_parse._native", "fast_parse", "fast_parse",
                "fast_parse.libs", "fast_parse.scripts"), layout);
    }

    @Test
    void theLayoutAloneReadsNoReadme() throws Exception {
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"fast-parse\"\nversion = \"1.0\"\n"
                + "readme = \"MISSING.md\"\n");
        Path pyproject = dir.resolve("pyproject.toml");

        WheelLayout layout = ResolvedProject.layout(pyproject, MaturinSettings.NONE, pyo3Crate(), noRead);
        ProjectException e = assertThrows(ProjectException.class,
                () -> ResolvedProject.resolve(pyproject, MaturinSettings.NONE, pyo3Crate(), null, noRead));

        assertEquals("fast_parse", layout.distribution());
        assertTrue(e.getMessage().contains("MISSING.md"), e.getMessage());
    }
}
