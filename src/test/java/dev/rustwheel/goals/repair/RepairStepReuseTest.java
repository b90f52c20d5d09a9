package dev.rustwheel.goals.repair;

import dev.rustwheel.binary.elf.Gcc;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.RecordingLog;
import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.store.ManifestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A repair of artifacts that did not change reuses the previous verdict without reading them, with the same result
 * as an audit; a changed artifact (new bytes of the same size, or another inode with the same size and time) is
 * audited again, and so is an artifact whose grafted library changed.
 */
class RepairStepReuseTest {

    private static final String REUSED = "Reused the previous repair's verdict";
    private static final FileTime LAST_HOUR = FileTime.from(Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600));

    @TempDir
    Path dir;

    private Path buildDirectory;
    private Path module;
    private ManifestStore store;

    @BeforeEach
    void compiled() throws Exception {
        module = Gcc.sharedLibrary(Files.createDirectories(dir.resolve("target/release")), "libfp.so",
                "int PyInit_fp(void) { return 0; }");
        Files.setLastModifiedTime(module, LAST_HOUR); // older than a clock tick, so its identity is known
        buildDirectory = dir.resolve("target");
        store = new ManifestStore(StagingLayout.under(buildDirectory));
        Files.writeString(dir.resolve("pyproject.toml"), "[tool.maturin]\nmodule-name = \"fast_parse.fp\"\n");
        compile();
    }

    @Test
    void reusesTheVerdictForAnUnchangedArtifactWithTheSameResult() throws Exception {
        RecordingLog first = repair();
        StagingManifest audited = store.read().orElseThrow();
        compile();
        RecordingLog second = repair();

        assertFalse(first.lines().stream().anyMatch(l -> l.startsWith(REUSED)), first.lines().toString());
        assertTrue(second.lines().stream().anyMatch(l -> l.startsWith(REUSED)), second.lines().toString());
        assertEquals(audited, store.read().orElseThrow());
        assertTrue(second.lines().containsAll(first.lines()), "the audit's lines are said again: " + second.lines());
    }

    @Test
    void auditsAgainWhenTheArtifactHasNewBytesOfTheSameSize() throws Exception {
        repair();
        byte[] garbage = new byte[(int) Files.size(module)];
        Files.write(module, garbage); // the same inode and size, a new modification time
        Files.setLastModifiedTime(module, FileTime.from(LAST_HOUR.toInstant().plusSeconds(60)));
        compile();

        BuildException e = assertThrows(BuildException.class, this::repair);

        assertTrue(e.getMessage().contains("is neither ELF, Mach-O nor PE"), e.getMessage());
    }

    @Test
    void auditsAgainWhenTheArtifactIsAnotherFileOfTheSameSizeAndTime() throws Exception {
        repair();
        Path copy = dir.resolve("copy.so");
        Files.copy(module, copy, StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(copy, module, StandardCopyOption.REPLACE_EXISTING); // another inode, same size and time
        assertEquals(LAST_HOUR, Files.getLastModifiedTime(module));
        compile();

        RecordingLog again = repair();

        assertFalse(again.lines().stream().anyMatch(l -> l.startsWith(REUSED)), again.lines().toString());
        assertTrue(again.lines().stream().anyMatch(l -> l.startsWith("Platform tag ")), again.lines().toString());
    }

    @Test
    void auditsAgainWhenTheConfigurationChanged() throws Exception {
        repair();
        compile();

        RecordingLog again = new RecordingLog();
        new RepairStep(buildDirectory, again).run(config("linux"));

        assertFalse(again.lines().stream().anyMatch(l -> l.startsWith(REUSED)), again.lines().toString());
        assertEquals("linux", store.read().orElseThrow().audit().policy());
    }

    @Test
    void auditsAgainWhenAGraftedLibraryChanged() throws Exception {
        Path deps = Files.createDirectories(dir.resolve("deps"));
        Path dependency = Gcc.sharedLibrary(deps, "libdep.so.1", "int dep(void) { return 1; }",
                "-Wl,-soname,libdep.so.1");
        module = Gcc.sharedLibrary(dir.resolve("target/release"), "libfp.so",
                "int dep(void); int PyInit_fp(void) { return dep(); }", dependency.toString());
        Files.setLastModifiedTime(dependency, LAST_HOUR);
        Files.setLastModifiedTime(module, LAST_HOUR);
        Files.setLastModifiedTime(deps, LAST_HOUR);
        compile();
        RecordingLog first = repairWith(deps);
        StagingManifest grafted = store.read().orElseThrow();
        compile();
        RecordingLog second = repairWith(deps);
        assertEquals(grafted, store.read().orElseThrow());
        Files.setLastModifiedTime(dependency, FileTime.from(LAST_HOUR.toInstant().plusSeconds(60)));
        compile();

        RecordingLog third = repairWith(deps);

        assertEquals(1, grafted.grafted().size(), first.lines().toString());
        assertTrue(second.lines().stream().anyMatch(l -> l.startsWith(REUSED)), second.lines().toString());
        assertFalse(third.lines().stream().anyMatch(l -> l.startsWith(REUSED)), third.lines().toString());
        assertTrue(third.lines().stream().anyMatch(l -> l.startsWith("Grafting libdep.so.1")), third.lines().toString());
    }

    private RecordingLog repairWith(Path libraryDirectory) throws Exception {
        RecordingLog log = new RecordingLog();
        new RepairStep(buildDirectory, log).run(new RepairConfig("auto", libraryDirectory.toString(),
                AuditwheelMode.REPAIR, List.of(), dir.resolve("pyproject.toml"), MaturinSettings.NONE,
                "parameter compatibility", "parameter auditwheel", List.of(), "parameter libraryPath"));
        return log;
    }

    /** As the compile goal leaves it: a fresh manifest, no verdict. */
    private void compile() throws Exception {
        store.write(StagingManifest.of(new CrateInfo(dir.resolve("Cargo.toml"), "fast-parse", "1.2.0", null,
                CrateMetadata.EMPTY, Map.of("pyo3", List.of())), List.of(), List.of(new StagedArtifact(
                ArtifactKind.CDYLIB, "fp", module, buildDirectory.resolve("rustwheel/staging/libfp.so"),
                Files.size(module), null, false, ArtifactState.COMPILED))));
    }

    private RecordingLog repair() throws Exception {
        RecordingLog log = new RecordingLog();
        new RepairStep(buildDirectory, log).run(config("auto"));
        return log;
    }

    private RepairConfig config(String compatibility) {
        return new RepairConfig(compatibility, null, AuditwheelMode.REPAIR, List.of(), dir.resolve("pyproject.toml"),
                MaturinSettings.NONE, "parameter compatibility", "parameter auditwheel", List.of(),
                "parameter libraryPath");
    }
}
