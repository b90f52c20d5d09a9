package dev.rustwheel.build;

import dev.rustwheel.cargo.Cargo;
import dev.rustwheel.cargo.CargoArtifact;
import dev.rustwheel.cargo.CargoBuildRequest;
import dev.rustwheel.cargo.CargoBuildResult;
import dev.rustwheel.cargo.CargoException;
import dev.rustwheel.cargo.CargoPackage;
import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code compile} goal: first gives cargo back whatever an earlier, interrupted build left staged (so cargo
 * finds its outputs and does not rebuild them), then runs cargo and records what it built.
 */
public final class CompileStep {

    private final ModuleState state;
    private final BuildLog log;

    public CompileStep(Path buildDirectory, BuildLog log) {
        this.state = new ModuleState(buildDirectory, log);
        this.log = log;
    }

    public StagingManifest run(CargoBuildRequest request) throws BuildException {
        Optional<StagingManifest> previous = state.read();
        if (previous.isPresent() && previous.get().needsRestore()) {
            log.info("An earlier build left cargo outputs staged; giving them back before cargo runs");
            state.restore(previous.get());
        }
        CargoBuildResult result = build(request);
        if (result.artifacts().isEmpty()) {
            throw BuildException.userError("cargo build of " + request.manifestPath() + " produced no cdylib or bin"
                    + " artifact for package " + result.packageName() + ". Add [lib] crate-type = [\"cdylib\"] to"
                    + " Cargo.toml for a Python extension module, or a [[bin]] target.", null);
        }
        List<StagedArtifact> artifacts = new ArrayList<>();
        for (CargoArtifact artifact : result.artifacts()) {
            artifacts.add(record(artifact));
        }
        StagingManifest manifest = StagingManifest.of(
                new CrateInfo(request.manifestPath(), result.packageName(), result.version(),
                        crateMetadata(result.rootPackage()), result.bindingCrates()),
                result.linkedPaths(), artifacts);
        state.write(manifest);
        return manifest;
    }

    private static CrateMetadata crateMetadata(CargoPackage p) {
        return new CrateMetadata(p.description(), p.authors(), p.license(), p.licenseFile(), p.homepage(),
                p.repository(), p.documentation(), p.readme(), p.keywords());
    }

    private CargoBuildResult build(CargoBuildRequest request) throws BuildException {
        try {
            return new Cargo(new ProcessRunner(command -> log.info("Running " + command)), log::info).build(request);
        } catch (CargoException e) {
            throw switch (e.reason()) {
                case UNEXPECTED_OUTPUT -> BuildException.toolFailure(e.getMessage(), e);
                default -> BuildException.userError(e.getMessage(), e);
            };
        }
    }

    private StagedArtifact record(CargoArtifact artifact) throws BuildException {
        log.info(artifact.kind() + " " + artifact.name() + ": " + artifact.path()
                + (artifact.fresh() ? " (fresh, not rebuilt)" : " (built)"));
        try {
            return new StagedArtifact(artifact.kind(), artifact.name(), artifact.path(),
                    state.store().layout().stagedPathFor(artifact.kind(), artifact.path()),
                    Files.size(artifact.path()), null, artifact.fresh(), ArtifactState.COMPILED);
        } catch (IOException e) {
            throw BuildException.toolFailure("cargo reported " + artifact.path() + " but it cannot be read: " + e, e);
        }
    }
}
