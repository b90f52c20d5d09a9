package dev.rustwheel.maven;

import dev.rustwheel.cargo.CargoBuildRequest;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.CargoTargetDirectory;
import dev.rustwheel.goals.CompileConfig;
import dev.rustwheel.goals.CompileStep;
import dev.rustwheel.goals.Pyo3Python;
import dev.rustwheel.goals.PythonExecutables;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.project.SourceLayout;
import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Runs {@code cargo build} for the crate and records the cdylib and bin files it built in the staging manifest.
 * First gives cargo back whatever an earlier, interrupted build left staged, so cargo does not rebuild it.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class CompileMojo extends AbstractWheelBuildMojo {

    /**
     * The crate's {@code Cargo.toml}. Cargo runs in its directory, so the crate's {@code .cargo/config.toml} applies.
     * Default, as maturin finds it: {@code [tool.maturin] manifest-path} of the basedir's pyproject.toml, else
     * {@code rust/Cargo.toml} for maturin's src layout (Python package under {@code src/}), else
     * {@code ${project.basedir}/Cargo.toml}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MANIFEST_PATH)
    private File manifestPath;

    /**
     * The cargo profile: {@code release}, {@code dev} or a custom profile of the crate.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PROFILE, defaultValue = "release")
    private String profile;

    /**
     * Cargo features to enable ({@code --features}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FEATURES)
    private List<String> features;

    /**
     * Passes {@code --no-default-features} to cargo.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.NO_DEFAULT_FEATURES, defaultValue = "false")
    private boolean noDefaultFeatures;

    /**
     * Further arguments for {@code cargo build}, passed as they are (for example {@code --locked}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CARGO_ARGS)
    private List<String> cargoArgs;

    /**
     * The cargo program: a name looked up on {@code PATH}, or a full path.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CARGO_EXECUTABLE, defaultValue = "cargo")
    private String cargoExecutable;

    /**
     * Environment variables set for cargo on top of Maven's own environment. An empty element sets the variable
     * to the empty string. A {@code PYO3_PYTHON} set here wins over the one derived from {@code pythonExecutable}.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> environmentVariables;

    /**
     * Where the stage goal moves cargo's outputs until finalize gives them back. On the file system of cargo's
     * target directory a move is a rename; elsewhere (a tmpfs, another disk) it is a copy, cargo's original stays
     * in place and finalize deletes the copy. Modules sharing a directory must not build files of the same name.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.STAGING_DIRECTORY,
            defaultValue = "${project.build.directory}/rustwheel/staging")
    private File stagingDirectory;

    /**
     * cargo's target directory, instead of cargo's own choice ({@code target/} beside the workspace's Cargo.toml,
     * or what {@code CARGO_TARGET_DIR} and {@code .cargo/config.toml} say). In a monorepo, a directory outside
     * Maven's {@code target/} shared by the modules keeps compiled dependencies through {@code mvn clean}; the
     * manifest stays in the module's {@code target/}. Given to cargo as {@code CARGO_TARGET_DIR}, winning over one
     * in {@code environmentVariables}.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.CARGO_TARGET_DIRECTORY)
    private File cargoTargetDirectory;

    @Inject
    public CompileMojo(MavenProject project, MavenSession session) {
        super(project, session);
    }

    @Override
    protected String goal() {
        return "compile";
    }

    @Override
    protected void run(BuildLog log) throws BuildException, ProjectException, MojoFailureException {
        WheelSettings wheel = wheelSettings();
        CargoBuildRequest request = new CargoBuildRequest(cargoExecutable, SourceLayout.manifestPath(
                project.getBasedir().toPath(), manifestPath == null ? null : manifestPath.toPath()),
                profile, listValues(features), noDefaultFeatures, listValues(cargoArgs),
                CargoTargetDirectory.environment(Pyo3Python.environment(environment(environmentVariables),
                        wheel.pythonExecutables().get(0)),
                        cargoTargetDirectory == null ? null : cargoTargetDirectory.toPath(),
                        PropertyNames.CARGO_TARGET_DIRECTORY),
                session.isOffline());
        new CompileStep(buildDirectory(), stagingDirectory.toPath().toAbsolutePath(), log).run(new CompileConfig(
                request, wheel.pyproject(), wheel.settings(), wheel.pythonExecutables(), wheel.interpreterParameter()));
    }

    /** Maven hands an empty element over as null; an empty value is what the user wrote. */
    static Map<String, String> environment(Map<String, String> environmentVariables) {
        Map<String, String> environment = new HashMap<>();
        if (environmentVariables != null) {
            environmentVariables.forEach((name, value) -> environment.put(name, value == null ? "" : value));
        }
        return environment;
    }
}
