package dev.rustwheel.goals;

import java.nio.file.Path;

/** The {@code finalize} goal: gives cargo its outputs back. */
public final class FinalizeStep {

    private final ModuleState state;
    private final BuildLog log;

    public FinalizeStep(Path buildDirectory, BuildLog log) {
        this.state = new ModuleState(buildDirectory, log);
        this.log = log;
    }

    public void run() throws BuildException {
        var manifest = state.read();
        if (manifest.isEmpty()) {
            log.debug("No staging manifest: nothing to give back to cargo");
            return;
        }
        state.restore(manifest.get());
    }
}
