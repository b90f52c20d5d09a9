package dev.rustwheel.maven;

import dev.rustwheel.cargo.CargoBuildRequest;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.compile.CargoTargetDirectory;
import dev.rustwheel.maven.parameters.PropertyNames;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.project.SourceLayout;
import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The goals that run cargo (compile, develop, sdist): one set of cargo parameters and one way to turn them into
 * cargo's request, so that every goal builds the same crate in the same target directory.
 */
abstract class AbstractCargoMojo extends AbstractWheelBuildMojo {

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

    protected AbstractCargoMojo(MavenProject project, MavenSession session) {
        super(project, session);
    }

    /**
     * cargo's request for this module.
     *
     * @param environment the variables for cargo, from {@link #cargoEnvironment()} and what the goal adds to them
     */
    protected final CargoBuildRequest cargoRequest(String profile, Map<String, String> environment)
            throws ProjectException {
        return new CargoBuildRequest(cargoExecutable, SourceLayout.manifestPath(project.getBasedir().toPath(),
                manifestPath == null ? null : manifestPath.toPath()), profile, listValues(features), noDefaultFeatures,
                listValues(cargoArgs), environment, session.isOffline());
    }

    /** environmentVariables, with cargoTargetDirectory's {@code CARGO_TARGET_DIR} winning over one set there. */
    protected final Map<String, String> cargoEnvironment() throws BuildException {
        Map<String, String> environment = new HashMap<>();
        if (environmentVariables != null) {
            // Maven hands an empty element over as null; an empty value is what the user wrote
            environmentVariables.forEach((name, value) -> environment.put(name, value == null ? "" : value));
        }
        return CargoTargetDirectory.environment(environment,
                cargoTargetDirectory == null ? null : cargoTargetDirectory.toPath(),
                PropertyNames.CARGO_TARGET_DIRECTORY);
    }
}
