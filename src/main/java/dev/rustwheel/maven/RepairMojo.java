package dev.rustwheel.maven;

import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.RepairConfig;
import dev.rustwheel.goals.RepairStep;
import dev.rustwheel.project.ProjectException;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.MavenProject;

/**
 * Audits the staged artifacts as auditwheel does (symbol versions, library whitelist, blacklisted symbols,
 * architecture), grafts the external libraries they need into {@code <dist>.libs/} (as overlays applied while
 * the wheel is written; no file is patched on disk) and records the platform tags the wheel gets, such as
 * {@code manylinux_2_17_x86_64}.
 */
@Mojo(name = "repair", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public class RepairMojo extends AbstractWheelBuildMojo {

    @Inject
    public RepairMojo(MavenProject project, MavenSession session) {
        super(project, session);
    }

    @Override
    protected String goal() {
        return "repair";
    }

    @Override
    protected void run(BuildLog log) throws BuildException, ProjectException, MojoFailureException {
        WheelSettings wheel = wheelSettings();
        new RepairStep(buildDirectory(), log).run(new RepairConfig(wheel.compatibility(),
                System.getenv("LD_LIBRARY_PATH"), wheel.auditwheel(), wheel.auditwheelExclude(), wheel.pyproject(),
                wheel.settings(), wheel.compatibilityParameter(), wheel.auditwheelParameter()));
    }
}
