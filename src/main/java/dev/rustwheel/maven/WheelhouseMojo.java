package dev.rustwheel.maven;

import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.python.WheelhouseStep;
import dev.rustwheel.maven.parameters.PropertyNames;
import dev.rustwheel.maven.parameters.WheelDependencies;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Copies the module's dependencies of type {@code whl} (from the reactor or a repository) into the wheelhouse under
 * their PEP 427 names, read from each wheel's own {@code .dist-info}, so pip can install them
 * ({@code pip install --find-links target/wheelhouse …}); the test and develop goals install from there. Any module
 * that only wants the wheels can run it as an execution.
 */
@Mojo(name = "wheelhouse", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class WheelhouseMojo extends AbstractRustwheelMojo {

    /**
     * Where the wheels the module depends on are copied, under their PEP 427 names; wheels of earlier builds that
     * are no longer dependencies are removed from it.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.WHEELHOUSE, defaultValue = "${project.build.directory}/wheelhouse")
    private File wheelhouse;

    @Inject
    public WheelhouseMojo(MavenProject project, MavenSession session) {
        super(project, session);
    }

    @Override
    protected String goal() {
        return "wheelhouse";
    }

    @Override
    protected void run(BuildLog log) throws BuildException {
        new WheelhouseStep(log).run(WheelDependencies.of(project), wheelhouse.toPath().toAbsolutePath());
    }
}
