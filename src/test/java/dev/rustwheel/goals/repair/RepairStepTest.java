package dev.rustwheel.goals.repair;

import dev.rustwheel.binary.elf.Gcc;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.RecordingLog;
import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelLayout;
import dev.rustwheel.staging.store.ManifestStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repair goal on a staged fixture records the one layout package must then follow, and refuses a library it
 * cannot patch safely.
 */
class RepairStepTest {

    @TempDir
    Path dir;

    private static final BuildLog QUIET = new RecordingLog();

    @Test
    void recordsTheLayoutItDecided() throws Exception {
        Path buildDirectory = dir.resolve("target");
        ManifestStore store = new ManifestStore(StagingLayout.under(buildDirectory));
        store.write(StagingManifest.of(new CrateInfo(dir.resolve("Cargo.toml"), "fast-parse", "1.2.0-rc.1", null,
                CrateMetadata.EMPTY, Map.of("pyo3", List.of())), List.of(), List.of(new StagedArtifact(ArtifactKind.CDYLIB, "fp",
                dir.resolve("target/release/libfp.so"), buildDirectory.resolve("rustwheel/staging/libfp.so"), 4, null,
                false, ArtifactState.COMPILED))));
        Files.writeString(dir.resolve("pyproject.toml"), "[tool.maturin]\nmodule-name = \"fast_parse._fp\"\n");
        Files.write(Files.createDirectories(dir.resolve("target/release")).resolve("libfp.so"),
                new byte[] {0x7f, 'E', 'L', 'F'});

        new RepairStep(buildDirectory, QUIET).run(new RepairConfig("linux", null, AuditwheelMode.REPAIR, List.of(),
                dir.resolve("pyproject.toml"), MaturinSettings.NONE, "parameter compatibility",
                "parameter auditwheel", List.of(), "parameter libraryPath"));

        assertEquals(new WheelLayout("EXTENSION", "fast_parse._fp", "fast_parse", "fast_parse",
                "fast_parse.libs", "fast_parse.scripts"), store.read().orElseThrow().layout());
    }

    /**
     * A library to graft whose first PT_LOAD has more bytes in the file than in memory (a linker never writes
     * that): patching it would yield a broken file, so repair refuses it, naming the file and the segment.
     */
    @Test
    void refusesToGraftALibraryWithALoadSegmentLargerInTheFileThanInMemory() throws Exception {
        Path deps = Files.createDirectories(dir.resolve("deps"));
        Path bad = Gcc.sharedLibrary(deps, "libbad.so.1", "int bad(void) { return 1; }", "-Wl,-soname,libbad.so.1");
        Path module = Gcc.sharedLibrary(Files.createDirectories(dir.resolve("target/release")), "libfp.so",
                "int bad(void); int fp(void) { return bad(); }", bad.toString());
        byte[] bytes = Files.readAllBytes(bad);
        ByteBuffer elf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int header = (int) elf.getLong(32); // e_phoff
        while (elf.getInt(header) != 1) { // PT_LOAD
            header += elf.getShort(54); // e_phentsize
        }
        elf.putLong(header + 32, elf.getLong(header + 40) + 0x10); // p_filesz past p_memsz
        Files.write(bad, bytes);
        Path buildDirectory = dir.resolve("target");
        new ManifestStore(StagingLayout.under(buildDirectory)).write(StagingManifest.of(new CrateInfo(
                dir.resolve("Cargo.toml"), "fast-parse", "1.2.0", null, CrateMetadata.EMPTY, Map.of()), List.of(),
                List.of(new StagedArtifact(ArtifactKind.CDYLIB, "fp", module,
                        buildDirectory.resolve("rustwheel/staging/libfp.so"), Files.size(module), null, false,
                        ArtifactState.COMPILED))));
        Files.writeString(dir.resolve("pyproject.toml"), "[tool.maturin]\nmodule-name = \"fast_parse._fp\"\n");

        BuildException e = assertThrows(BuildException.class, () -> new RepairStep(buildDirectory, QUIET).run(
                new RepairConfig("auto", deps.toString(), AuditwheelMode.REPAIR, List.of(),
                        dir.resolve("pyproject.toml"), MaturinSettings.NONE, "parameter compatibility",
                        "parameter auditwheel", List.of(), "parameter libraryPath")));

        assertTrue(e.isUserError());
        assertTrue(e.getMessage().startsWith("Cannot graft libraries for " + bad.toRealPath() + ": program header "),
                e.getMessage());
        assertTrue(e.getMessage().contains("(PT_LOAD at offset 0x0, address 0x0) has p_filesz 0x")
                && e.getMessage().contains("larger than p_memsz"), e.getMessage());
        assertTrue(Arrays.equals(bytes, Files.readAllBytes(bad)), "the library was written to");
    }
}
