package dev.rustwheel.maven;

import dev.rustwheel.build.BuildException;
import dev.rustwheel.build.BuildLog;
import dev.rustwheel.build.RepairConfig;
import dev.rustwheel.build.RepairStep;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Audits the staged artifacts as auditwheel does (symbol versions, library whitelist, blacklisted symbols,
 * architecture) and records the platform tags the wheel gets, such as {@code manylinux_2_17_x86_64}.
 */
@Mojo(name = "repair", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public class RepairMojo extends AbstractRustwheelMojo {

    /**
     * The platform the wheel must run on: {@code auto} (the most compatible manylinux/musllinux policy the
     * artifacts meet, else {@code linux} with a warning), a policy such as {@code manylinux_2_17}, its alias
     * {@code manylinux2014} or {@code musllinux_1_2} (the build fails if the artifacts cannot meet it), or
     * {@code linux} (no audit; PyPI does not accept such wheels).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.COMPATIBILITY, defaultValue = "auto")
    private String compatibility;

    @Inject
    public RepairMojo(MavenProject project, MavenSession session) {
        super(project, session);
    }

    @Override
    protected String goal() {
        return "repair";
    }

    @Override
    protected void run(BuildLog log) throws BuildException {
        new RepairStep(buildDirectory(), log).run(new RepairConfig(compatibility.trim(),
                System.getenv("LD_LIBRARY_PATH")));
    }
}
