package dev.rustwheel.maven;

import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.FinalizeStep;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.MavenProject;

/** Gives cargo its outputs back from the staging directory, so cargo's output path holds its clean bytes again. */
@Mojo(name = "finalize", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class FinalizeMojo extends AbstractRustwheelMojo {

    @Inject
    public FinalizeMojo(MavenProject project, MavenSession session) {
        super(project, session);
    }

    @Override
    protected String goal() {
        return "finalize";
    }

    @Override
    protected void run(BuildLog log) throws BuildException {
        new FinalizeStep(buildDirectory(), log).run();
    }
}
