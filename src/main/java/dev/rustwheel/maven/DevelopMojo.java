package dev.rustwheel.maven;

import dev.rustwheel.cargo.CargoBuildRequest;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.python.DevelopConfig;
import dev.rustwheel.goals.python.DevelopStep;
import dev.rustwheel.maven.parameters.PropertyNames;
import dev.rustwheel.maven.parameters.WheelDependencies;
import dev.rustwheel.maven.parameters.WheelSettings;
import dev.rustwheel.project.ProjectException;
import java.io.File;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * As {@code maturin develop}: builds the project (the {@code dev} profile unless {@code profile} says otherwise) for
 * the venv's interpreter and installs it into the venv, editable: the Python sources are used from the project, so a
 * Python edit is live at once; run develop again after a Rust edit. The wheels the module depends on are installed
 * from its wheelhouse. Cargo's output is left clean, as by every goal.
 */
@Mojo(name = "develop", threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public class DevelopMojo extends AbstractCargoMojo {

    /**
     * The virtual environment to install into; created with {@code pythonExecutable} when it does not exist.
     * Default: the active one ({@code VIRTUAL_ENV}), else {@code .venv} in the project directory.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.VENV)
    private File venv;

    /**
     * The cargo profile; develop builds {@code dev} unless told otherwise.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.PROFILE, defaultValue = "dev")
    private String profile;

    /**
     * Where the wheels the module depends on go under their PEP 427 names; pip installs them from there.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.WHEELHOUSE, defaultValue = "${project.build.directory}/wheelhouse")
    private File wheelhouse;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Inject
    public DevelopMojo(MavenProject project, MavenSession session) {
        super(project, session);
    }

    @Override
    protected String goal() {
        return "develop";
    }

    @Override
    protected void run(BuildLog log) throws BuildException, ProjectException, MojoFailureException {
        WheelSettings wheel = wheelSettings();
        CargoBuildRequest cargo = cargoRequest(profile, cargoEnvironment());
        new DevelopStep(buildDirectory(), log).run(new DevelopConfig(cargo, wheel.pyproject(), wheel.settings(),
                wheel.pythonExecutables().get(0), venvDirectory(), WheelDependencies.of(project), wheelhouse.toPath().toAbsolutePath(),
                session.isOffline(), plugin.getVersion(), wheel.wheelVersion(), wheel.layoutParameters(),
                PropertyNames.parameter("venv", PropertyNames.VENV),
                PropertyNames.parameter("pythonExecutable", PropertyNames.PYTHON_EXECUTABLE)));
    }

    private Path venvDirectory() {
        if (venv != null) {
            return venv.toPath().toAbsolutePath();
        }
        String active = System.getenv("VIRTUAL_ENV");
        return active != null && !active.isBlank() ? Path.of(active)
                : project.getBasedir().toPath().resolve(".venv").toAbsolutePath();
    }
}
