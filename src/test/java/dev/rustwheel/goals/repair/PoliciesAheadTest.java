package dev.rustwheel.goals.repair;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.audit.linux.Policies;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.Fixtures;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.store.RepairCache;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoliciesAheadTest {

    @TempDir
    Path dir;

    private StagedArtifact artifact(String name, boolean fresh) {
        Path cargo = dir.resolve("target/release").resolve(name);
        return new StagedArtifact(ArtifactKind.CDYLIB, name, cargo, cargo, 1, null, fresh, ArtifactState.RENAMED);
    }

    @Test
    void anAuditIsLikelyWithoutAKeptVerdictEvenForUnchangedArtifacts() {
        assertTrue(PoliciesAhead.auditLikely(Fixtures.manifest(artifact("liba.so", true)), false));
    }

    @Test
    void anAuditIsLikelyWhenCargoRebuiltAnyArtifact() {
        assertTrue(PoliciesAhead.auditLikely(
                Fixtures.manifest(artifact("liba.so", true), artifact("libb.so", false)), true));
    }

    @Test
    void anUnchangedBuildWithAKeptVerdictReadsNothingAhead() {
        assertFalse(PoliciesAhead.auditLikely(
                Fixtures.manifest(artifact("liba.so", true), artifact("libb.so", true)), true));
    }

    @Test
    void anArtifactThatIsNotElfOrIsMissingIsLeftToTheAuditToReport() throws Exception {
        RepairCache noVerdict = new RepairCache(StagingLayout.under(dir.resolve("module/target")));
        Files.createDirectories(dir.resolve("target/release"));
        Files.writeString(dir.resolve("target/release/liba.so"), "MZ, not ELF");

        assertDoesNotThrow(() -> PoliciesAhead.start(Fixtures.manifest(artifact("liba.so", false)), noVerdict,
                Policies.bundled()));
        assertDoesNotThrow(() -> PoliciesAhead.start(Fixtures.manifest(artifact("libmissing.so", false)),
                noVerdict, Policies.bundled()));
    }
}
