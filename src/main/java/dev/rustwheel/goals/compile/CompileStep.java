package dev.rustwheel.goals.compile;

import dev.rustwheel.cargo.Cargo;
import dev.rustwheel.cargo.CargoArtifact;
import dev.rustwheel.cargo.CargoBuildRequest;
import dev.rustwheel.cargo.CargoBuildResult;
import dev.rustwheel.cargo.CargoException;
import dev.rustwheel.cargo.CargoLineLevels;
import dev.rustwheel.cargo.CargoPackage;
import dev.rustwheel.cargo.CargoWorkspace;
import dev.rustwheel.cargo.TargetCheck;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.CffiDeclarations;
import dev.rustwheel.goals.Interpreters;
import dev.rustwheel.goals.ModuleState;
import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.project.Bindings;
import dev.rustwheel.project.ProjectCheck;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingException;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.store.TargetLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code compile} goal: first gives cargo back whatever an earlier, interrupted build left staged (so cargo
 * finds its outputs and does not rebuild them), then runs cargo and records what it built.
 */
public final class CompileStep {

    private final ModuleState state;
    private final BuildLog log;
    private final Cargo cargo;
    private final Interpreters.Probe probe;
    private final TargetCheck targetCheck;

    /** @param stagingDirectory where stage is to put the files; {@code null} for the default in the build directory */
    public CompileStep(Path buildDirectory, Path stagingDirectory, BuildLog log) {
        this(buildDirectory, stagingDirectory, log,
                new Cargo(new ProcessRunner(new CommandLog(log)), new CargoOutput(log),
                        StagingLayout.under(buildDirectory, stagingDirectory).cache()),
                Interpreters.cached(StagingLayout.under(buildDirectory, stagingDirectory).cache()),
                new TargetCheck(new ProcessRunner(new CommandLog(log)),
                        StagingLayout.under(buildDirectory, stagingDirectory).cache()));
    }

    CompileStep(Path buildDirectory, Path stagingDirectory, BuildLog log, Cargo cargo, Interpreters.Probe probe,
            TargetCheck targetCheck) {
        this.state = new ModuleState(buildDirectory, stagingDirectory, log);
        this.log = log;
        this.cargo = cargo;
        this.probe = probe;
        this.targetCheck = targetCheck;
    }

    /**
     * Checks the project and the interpreters once {@code cargo metadata} described the crate, before cargo builds
     * anything. Holds the lock of cargo's target directory from the recovery until the manifest is written, so that
     * no other module sharing the directory moves files while cargo looks at them or before this module recorded
     * them.
     */
    public StagingManifest run(CompileConfig config) throws BuildException, ProjectException {
        CargoBuildRequest request = config.request();
        CargoWorkspace workspace;
        try {
            targetCheck.requireInstalled(request, config.targetParameter());
            workspace = cargo.locate(request);
        } catch (CargoException e) {
            throw failure(e);
        }
        Optional<ProjectCheck.Requested> bindings = ProjectCheck.beforeBuild(config.pyproject(), config.settings(),
                config.layoutParameters(), new CrateInfo(request.manifestPath(), workspace.rootPackage().name(),
                        workspace.rootPackage().version(), workspace.targetDirectory(),
                        crateMetadata(workspace.rootPackage()), Map.of()));
        Interpreters.probe(probe, config.pythonExecutables(), config.interpreterParameter(),
                request.crateDirectory());
        if (bindings.isPresent() && bindings.get().bindings() == Bindings.CFFI) {
            new CffiDeclarations(log).requireTools(config.pythonExecutables().get(0), request.crateDirectory(),
                    workspace.targetDirectory(), bindings.get().where() + " = 'cffi'");
        }
        CargoBuildRequest build = request.withEnvironment(Pyo3Python.forExtensionModule(request.environment(),
                workspace.rootPackage().buildsCdylib()));
        try (TargetLock lock = state.lock(workspace.targetDirectory())) {
            return recoverAndBuild(build, workspace);
        } catch (StagingException e) {
            throw ModuleState.map(e);
        }
    }

    private StagingManifest recoverAndBuild(CargoBuildRequest request, CargoWorkspace workspace)
            throws BuildException {
        Optional<StagingManifest> previous = state.read();
        if (previous.isPresent() && previous.get().needsRestore()) {
            log.info("An earlier build left cargo outputs staged; giving them back before cargo runs");
            state.restore(previous.get());
        }
        CargoBuildResult result;
        try {
            result = cargo.build(request, workspace);
        } catch (CargoException e) {
            throw failure(e);
        }
        if (result.artifacts().isEmpty()) {
            throw BuildException.userError("cargo build of " + request.manifestPath() + " produced no cdylib or bin"
                    + " artifact for package " + result.packageName() + ". Add [lib] crate-type = [\"cdylib\"] to"
                    + " Cargo.toml for a Python extension module, or a [[bin]] target.", null);
        }
        List<StagedArtifact> artifacts = new ArrayList<>();
        for (CargoArtifact artifact : result.artifacts()) {
            artifacts.add(withEarlierDigest(record(artifact), previous));
        }
        StagingManifest manifest = StagingManifest.of(
                new CrateInfo(request.manifestPath(), result.packageName(), result.version(), workspace.targetDirectory(),
                        crateMetadata(result.rootPackage()), result.bindingCrates(), workspace.crates(),
                        result.outDirectory()),
                result.linkedPaths(), artifacts).withWheelsOf(previous);
        state.write(manifest);
        return manifest;
    }

    /** A rebuild with nothing changed records what the last build did, so package has nothing to write. */
    private static StagedArtifact withEarlierDigest(StagedArtifact artifact, Optional<StagingManifest> previous)
            throws BuildException {
        try {
            return artifact.withDigestOf(previous.isPresent() ? previous.get().artifacts() : List.of());
        } catch (IOException e) {
            throw BuildException.toolFailure("cargo reported " + artifact.cargoPath() + " but it cannot be read: "
                    + e, e);
        }
    }

    /*
     * Named classes, plain loops and try blocks rather than lambdas on compile's path: each lambda or method
     * reference costs its own class, spun at its first use, a measurable part of a warm build's few tenths.
     */

    /** Each command run, at info level. */
    private record CommandLog(BuildLog log) implements Consumer<String> {
        @Override
        public void accept(String command) {
            log.info("Running " + command);
        }
    }

    /** Cargo's rendered warnings at warning level and its errors at error level, its progress at info. */
    private static final class CargoOutput implements Consumer<String> {

        private final BuildLog log;
        private final CargoLineLevels levels = new CargoLineLevels();

        CargoOutput(BuildLog log) {
            this.log = log;
        }

        @Override
        public void accept(String line) {
            switch (levels.of(line)) {
                case WARNING -> log.warn(line);
                case ERROR -> log.error(line);
                default -> log.info(line);
            }
        }
    }

    /** The Cargo.toml fields wheel metadata falls back to. */
    public static CrateMetadata crateMetadata(CargoPackage p) {
        return new CrateMetadata(p.description(), p.authors(), p.license(), p.licenseFile(), p.homepage(),
                p.repository(), p.documentation(), p.readme(), p.keywords());
    }

    private static BuildException failure(CargoException e) {
        return switch (e.reason()) {
            case UNEXPECTED_OUTPUT -> BuildException.toolFailure(e.getMessage(), e);
            default -> BuildException.userError(e.getMessage(), e);
        };
    }

    private StagedArtifact record(CargoArtifact artifact) throws BuildException {
        log.info(artifact.kind() + " " + artifact.name() + ": " + artifact.path()
                + (artifact.fresh() ? " (fresh, not rebuilt)" : " (built)"));
        ArtifactKind kind = ArtifactKind.of(artifact.kind());
        try {
            return new StagedArtifact(kind, artifact.name(), artifact.path(),
                    state.store().layout().stagedPathFor(kind, artifact.path()),
                    Files.size(artifact.path()), null, artifact.fresh(), ArtifactState.COMPILED);
        } catch (IOException e) {
            throw BuildException.toolFailure("cargo reported " + artifact.path() + " but it cannot be read: " + e, e);
        }
    }
}
