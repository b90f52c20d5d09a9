package dev.rustwheel.maven;

import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.StageStep;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.MavenProject;

/** Moves cargo's outputs into {@code target/rustwheel/staging/} by rename, recording each move before and after. */
@Mojo(name = "stage", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public class StageMojo extends AbstractRustwheelMojo {

    @Inject
    public StageMojo(MavenProject project, MavenSession session) {
        super(project, session);
    }

    @Override
    protected String goal() {
        return "stage";
    }

    @Override
    protected void run(BuildLog log) throws BuildException {
        new StageStep(buildDirectory(), log).run();
    }
}
