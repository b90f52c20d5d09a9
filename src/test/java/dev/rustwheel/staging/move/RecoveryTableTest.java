package dev.rustwheel.staging.move;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.Fixtures;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.store.DurableCopy;
import dev.rustwheel.staging.store.FileDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recovery decision, on real files: what is at cargo's path × what is at the staged path × whether the
 * digest is known × the state the manifest recorded. Whatever the state, what is on disk decides.
 */
class RecoveryTableTest {

    private static final byte[] CLEAN = "\u007fELF the bytes cargo built".getBytes(UTF_8);
    private static final byte[] REBUILT = "\u007fELF what cargo rebuilt since, a different size".getBytes(UTF_8);
    private static final byte[] REBUILT_SAME_SIZE = "\u007fELF THE BYTES CARGO BUILT".getBytes(UTF_8);
    private static final byte[] TRUNCATED = "\u007fELF the by".getBytes(UTF_8);
    private static final byte[] CORRUPT_SAME_SIZE = "\u007fELF the bytes cargo b\0\0\0\0".getBytes(UTF_8);

    enum Cargo {
        ABSENT(null), CLEAN_BYTES(CLEAN), REBUILT_BYTES(REBUILT), REBUILT_SAME_SIZE_BYTES(REBUILT_SAME_SIZE);

        final byte[] bytes;

        Cargo(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    enum Staged {
        ABSENT(null), CLEAN_BYTES(CLEAN), TRUNCATED_BYTES(TRUNCATED), CORRUPT_SAME_SIZE_BYTES(CORRUPT_SAME_SIZE),
        /** A cross-device copy cut short: only the {@code .partial} file exists. */
        HALF_COPY(TRUNCATED);

        final byte[] bytes;

        Staged(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    /** cargo, staged, digest recorded, cargo's bytes afterwards (null: absent), entry kept. */
    private static final Object[][] TABLE = {
            {Cargo.ABSENT, Staged.ABSENT, true, null, false},
            {Cargo.ABSENT, Staged.CLEAN_BYTES, true, CLEAN, true},
            {Cargo.ABSENT, Staged.CLEAN_BYTES, false, CLEAN, true},
            {Cargo.ABSENT, Staged.TRUNCATED_BYTES, false, null, false},
            {Cargo.ABSENT, Staged.CORRUPT_SAME_SIZE_BYTES, true, null, false},
            // without a digest a same-size corruption cannot be told from the real thing; size is all there is
            {Cargo.ABSENT, Staged.CORRUPT_SAME_SIZE_BYTES, false, CORRUPT_SAME_SIZE, true},
            {Cargo.ABSENT, Staged.HALF_COPY, true, null, false},
            {Cargo.CLEAN_BYTES, Staged.ABSENT, true, CLEAN, true},
            {Cargo.CLEAN_BYTES, Staged.CLEAN_BYTES, true, CLEAN, true},
            {Cargo.CLEAN_BYTES, Staged.CLEAN_BYTES, false, CLEAN, true},
            {Cargo.CLEAN_BYTES, Staged.TRUNCATED_BYTES, true, CLEAN, true},
            {Cargo.CLEAN_BYTES, Staged.HALF_COPY, true, CLEAN, true},
            {Cargo.REBUILT_BYTES, Staged.ABSENT, false, REBUILT, false},
            {Cargo.REBUILT_BYTES, Staged.CLEAN_BYTES, false, REBUILT, false},
            {Cargo.REBUILT_BYTES, Staged.TRUNCATED_BYTES, true, REBUILT, false},
            {Cargo.REBUILT_BYTES, Staged.HALF_COPY, true, REBUILT, false},
            {Cargo.REBUILT_SAME_SIZE_BYTES, Staged.CLEAN_BYTES, true, REBUILT_SAME_SIZE, false},
            {Cargo.REBUILT_SAME_SIZE_BYTES, Staged.ABSENT, true, REBUILT_SAME_SIZE, false},
            // without a digest cargo's same-size file counts as the recorded one: kept either way, never replaced
            {Cargo.REBUILT_SAME_SIZE_BYTES, Staged.CLEAN_BYTES, false, REBUILT_SAME_SIZE, true},
    };

    static Stream<Arguments> situations() {
        return Arrays.stream(TABLE).flatMap(row -> Arrays.stream(ArtifactState.values()).map(state -> {
            Object[] args = Arrays.copyOf(row, row.length + 1);
            args[row.length] = state;
            return Arguments.of(args);
        }));
    }

    @TempDir
    Path tempDir;

    @ParameterizedTest(name = "cargo {0}, staged {1}, digest known {2}, state {5}")
    @MethodSource("situations")
    void recoversFromWhatIsOnDisk(Cargo cargo, Staged staged, boolean digestKnown, byte[] cargoAfter,
            boolean entryKept, ArtifactState state) throws Exception {
        Fixtures fx = new Fixtures(tempDir);
        Files.createDirectories(fx.cargoRelease);
        StagedArtifact recorded = fx.artifact("cdylib", "libdemo.so", CLEAN.length, state);
        if (digestKnown) {
            recorded = recorded.withSha256(FileDigest.sha256Hex(Fixtures.write(tempDir.resolve("clean"), CLEAN)), null);
        }
        if (cargo.bytes != null) {
            Fixtures.write(recorded.cargoPath(), cargo.bytes);
        }
        Path stagedFile = staged == Staged.HALF_COPY ? DurableCopy.partialOf(recorded.stagedPath())
                : recorded.stagedPath();
        if (staged.bytes != null) {
            Fixtures.write(stagedFile, staged.bytes);
        }
        StagingManifest manifest = Fixtures.manifest(recorded);
        fx.store.write(manifest);
        List<String> log = new ArrayList<>();

        StagingManifest result = new Restorer(fx.store, log::add).restore(manifest);

        assertEquals(result, fx.store.read().orElseThrow(), "the manifest on disk is the one returned");
        if (!state.needsRestore()) {
            assertEquals(manifest, result, "nothing is staged in state " + state + ": nothing to do");
            assertEquals(cargo.bytes != null, Files.exists(recorded.cargoPath()), "cargo's file was touched");
            assertTrue(Files.exists(stagedFile) == (staged.bytes != null), "the staged file was touched");
            return;
        }
        if (cargoAfter == null) {
            assertFalse(Files.exists(recorded.cargoPath()), "something was given to cargo");
        } else {
            assertArrayEquals(cargoAfter, Files.readAllBytes(recorded.cargoPath()), "cargo's file");
        }
        assertFalse(Files.exists(recorded.stagedPath()), "the staged file is left over");
        assertFalse(Files.exists(DurableCopy.partialOf(recorded.stagedPath())), "the half copy is left over");
        if (entryKept) {
            assertEquals(List.of(ArtifactState.RESTORED), result.artifacts().stream().map(StagedArtifact::state)
                    .toList());
        } else {
            assertEquals(List.of(), result.artifacts(), "the stale entry is kept");
            assertTrue(log.stream().anyMatch(line -> line.contains("stale manifest entry")
                    && line.contains("libdemo.so")), "no log line says the entry was dropped: " + log);
        }
    }
}
