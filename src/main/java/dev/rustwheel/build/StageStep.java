package dev.rustwheel.build;

import dev.rustwheel.staging.Stager;
import dev.rustwheel.staging.StagingException;
import dev.rustwheel.staging.StagingManifest;
import java.nio.file.Path;

/** The {@code stage} goal: moves cargo's outputs into the staging directory. */
public final class StageStep {

    private final ModuleState state;

    public StageStep(Path buildDirectory, BuildLog log) {
        this.state = new ModuleState(buildDirectory, log);
    }

    public StagingManifest run() throws BuildException {
        StagingManifest manifest = state.require("stage");
        try {
            return new Stager(state.store()).stage(manifest);
        } catch (StagingException e) {
            // whatever did move goes back, so a failed stage leaves cargo's outputs where cargo expects them
            state.restoreAfter(e);
            throw ModuleState.map(e);
        }
    }
}
