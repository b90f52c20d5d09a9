package dev.rustwheel.goals;

import dev.rustwheel.staging.store.CorruptManifestException;
import dev.rustwheel.staging.store.ManifestStore;
import dev.rustwheel.staging.move.Restorer;
import dev.rustwheel.staging.StagingException;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.store.TargetLock;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** One module's staging state, and the mapping of staging failures onto build failures that every step shares. */
public final class ModuleState {

    private final ManifestStore store;
    private final BuildLog log;

    public ModuleState(Path buildDirectory, BuildLog log) {
        this(buildDirectory, null, log);
    }

    /** @param stagingDirectory where compile plans to stage files; {@code null} for the default */
    public ModuleState(Path buildDirectory, Path stagingDirectory, BuildLog log) {
        this.store = new ManifestStore(StagingLayout.under(buildDirectory, stagingDirectory));
        this.log = log;
    }

    public ManifestStore store() {
        return store;
    }

    public Optional<StagingManifest> read() throws BuildException {
        try {
            return store.read();
        } catch (StagingException e) {
            throw map(e);
        }
    }

    /** The manifest a goal after {@code compile} needs; its absence means compile did not run in this module. */
    public StagingManifest require(String goal) throws BuildException {
        Optional<StagingManifest> manifest = read();
        if (manifest.isEmpty()) {
            throw BuildException.userError("No staging manifest at " + store.layout().manifest() + ": the " + goal
                    + " goal needs the compile goal to run first in the same module. Bind compile (phase compile)"
                    + " before " + goal + ", or use <packaging>wheel</packaging>.", null);
        }
        return manifest.get();
    }

    public void write(StagingManifest manifest) throws BuildException {
        try {
            store.write(manifest);
        } catch (StagingException e) {
            throw map(e);
        }
    }

    /**
     * Gives cargo back everything the manifest says may be staged, holding the target directory's lock; a no-op
     * when nothing is.
     */
    public StagingManifest restore(StagingManifest manifest) throws BuildException {
        if (!manifest.needsRestore()) {
            return manifest;
        }
        try (TargetLock lock = lock(manifest.crate().targetDirectory())) {
            return new Restorer(store, new InfoLog(log)).restore(manifest);
        } catch (StagingException e) {
            throw map(e);
        }
    }

    /** The lock of cargo's target directory. */
    public TargetLock lock(Path targetDirectory) throws StagingException {
        return TargetLock.acquire(targetDirectory, new InfoLog(log));
    }

    /**
     * After a goal failed: gives back whatever is staged, so the failure loses nothing. Problems doing so are
     * attached to {@code failure} rather than hiding it.
     */
    public void restoreAfter(Exception failure) {
        try {
            Optional<StagingManifest> manifest = read();
            if (manifest.isPresent()) {
                restore(manifest.get());
            }
        } catch (BuildException restoreFailure) {
            failure.addSuppressed(restoreFailure);
        }
    }

    /** Info lines for the log; a class where {@code log::info} would cost every goal a lambda's class. */
    private record InfoLog(BuildLog log) implements Consumer<String> {
        @Override
        public void accept(String message) {
            log.info(message);
        }
    }

    public static BuildException map(StagingException e) {
        return e instanceof CorruptManifestException
                ? BuildException.userError(e.getMessage(), e)
                : BuildException.toolFailure(e.getMessage(), e);
    }
}
