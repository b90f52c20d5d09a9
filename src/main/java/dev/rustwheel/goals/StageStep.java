package dev.rustwheel.goals;

import dev.rustwheel.staging.move.Stager;
import dev.rustwheel.staging.StagingException;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.store.TargetLock;
import java.nio.file.Path;
import java.util.Locale;

/** The {@code stage} goal: moves cargo's outputs into the staging directory. */
public final class StageStep {

    private final ModuleState state;
    private final BuildLog log;

    public StageStep(Path buildDirectory, BuildLog log) {
        this.state = new ModuleState(buildDirectory, log);
        this.log = log;
    }

    public StagingManifest run() throws BuildException {
        StagingManifest manifest = state.require("stage");
        try (TargetLock lock = state.lock(manifest.crate().targetDirectory())) {
            StagingManifest staged = new Stager(state.store()).stage(manifest);
            for (StagedArtifact a : staged.artifacts()) {
                log.info("Staged " + a.cargoPath() + " as " + a.stagedPath() + " ("
                        + a.state().name().toLowerCase(Locale.ROOT) + ")");
            }
            return staged;
        } catch (StagingException e) {
            // whatever did move goes back, so a failed stage leaves cargo's outputs where cargo expects them
            state.restoreAfter(e);
            throw ModuleState.map(e);
        }
    }
}
