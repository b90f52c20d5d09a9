package dev.rustwheel.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.project.pyproject.PyprojectFile;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** maturin's {@code { path, from = "out-dir", to }} include tables, as pyo3-mixed-include-exclude uses them. */
class OutDirIncludesTest {

    @TempDir
    Path project;

    @TempDir
    Path outDir;

    private final List<String> warnings = new ArrayList<>();

    private List<String> entries(String include, Path out) throws Exception {
        Files.writeString(project.resolve("pyproject.toml"), "[tool.maturin]\ninclude = [" + include + "]\n");
        CrateInfo crate = new CrateInfo(project.resolve("Cargo.toml"), "mixed", "1.0.0", null, CrateMetadata.EMPTY,
                Map.of(), List.of(), out);
        return OutDirIncludes.entries(PyprojectFile.read(project.resolve("pyproject.toml")), crate, warnings::add)
                .stream().map(WheelEntry::path).toList();
    }

    @Test
    void filesOfTheBuildScriptsOutDirGoWhereToSays() throws Exception {
        Files.writeString(outDir.resolve("generated_info.txt"), "built");
        Files.createDirectories(outDir.resolve("gen"));
        Files.writeString(outDir.resolve("gen/a.py"), "");

        assertEquals(List.of("pkg/generated_info.txt"), entries("\"README.md\", { path = \"generated_info.txt\","
                + " from = \"out-dir\", to = \"pkg/\" }", outDir));
        assertEquals(List.of("README.md"), MaturinSettings.resolve(PyprojectFile.read(project.resolve(
                "pyproject.toml")), MaturinSettings.NONE).include(), "the table is no glob of the project");
        assertEquals(List.of("pkg/sub/gen/a.py"), entries("{ path = \"gen/*.py\", from = \"out-dir\","
                + " to = \"pkg/sub\" }", outDir));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aTableMatchingNothingIsReportedNotDroppedSilently() throws Exception {
        assertEquals(List.of(), entries("{ path = \"missing.txt\", from = \"out-dir\", to = \"pkg/\" }", outDir));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("\"missing.txt\"") && warnings.get(0).contains(outDir.toString()),
                warnings.get(0));
    }

    @Test
    void badTablesAndACrateWithoutBuildScriptAreRefused() {
        String noBuildScript = assertThrows(ProjectException.class, () -> entries("{ path = \"x\", from ="
                + " \"out-dir\", to = \"pkg/\" }", null)).getMessage();
        assertTrue(noBuildScript.contains("has no build script") && noBuildScript.contains("build.rs"), noBuildScript);
        for (String bad : List.of("{ path = \"x\", from = \"target\", to = \"p\" }",
                "{ path = \"x\", from = \"out-dir\" }",
                "{ path = \"x\", from = \"out-dir\", to = \"p\", into = \"q\" }",
                "{ path = \"x\", from = \"out-dir\", to = \"../p\" }",
                "{ path = \"x\", from = \"out-dir\", to = \"p\", crate-name = \"other\" }")) {
            String message = assertThrows(ProjectException.class, () -> entries(bad, outDir), bad).getMessage();
            assertTrue(message.contains("[tool.maturin] include"), message);
        }
    }

    @Test
    void aGlobLeavingTheOutDirIsRefused() {
        String message = assertThrows(ProjectException.class, () -> entries("{ path = \"../secret\", from ="
                + " \"out-dir\", to = \"p\" }", outDir)).getMessage();
        assertTrue(message.contains("outside"), message);
    }
}
