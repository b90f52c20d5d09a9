package dev.rustwheel.maven;

import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.maven.parameters.PropertyNames;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.staging.store.FaultPoints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the project, the skip switch, and the mapping of core failures onto Maven's two kinds
 * (a {@code MojoFailureException} for what the user must fix, a {@code MojoExecutionException} for the rest).
 */
abstract class AbstractRustwheelMojo extends AbstractMojo {

    protected final MavenProject project;
    protected final MavenSession session;

    /**
     * Skips every rustwheel goal of this module, for example {@code skip} set to {@code ${skipRust}} in a
     * parent POM.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    protected boolean skip;

    protected AbstractRustwheelMojo(MavenProject project, MavenSession session) {
        this.project = project;
        this.session = session;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping rustwheel:" + goal() + " because skip = true");
            skipped();
            return;
        }
        try {
            FaultPoints.arm(session.getUserProperties().getProperty(PropertyNames.FAULT_INJECTION));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(PropertyNames.FAULT_INJECTION + " = " + e.getMessage(), e);
        }
        MavenBuildLog log = new MavenBuildLog(getLog(), session.isParallel() ? project.getArtifactId() : null);
        long start = System.nanoTime();
        try {
            run(log);
        } catch (BuildException e) {
            fail(e, e.isUserError());
        } catch (ProjectException e) {
            fail(e, e.isUserError());
        }
        log.info(String.format(java.util.Locale.ROOT, "rustwheel:%s took %.1f s", goal(),
                (System.nanoTime() - start) / 1e9));
    }

    /**
     * What the user must fix fails the build; anything else is an error of a tool, the disk or the plugin. A user
     * error's message is complete (it says what to fix): Maven would append its cause's message, saying the same
     * thing twice or naming a Java class, so the cause goes to the debug log instead.
     */
    private void fail(Exception e, boolean userError) throws MojoExecutionException, MojoFailureException {
        if (userError) {
            getLog().debug(e);
            throw new MojoFailureException(e.getMessage());
        }
        throw new MojoExecutionException(e.getMessage(), e);
    }

    /** What a skipped goal still owes the rest of the build; nothing by default. */
    protected void skipped() {
    }

    /** The goal's name, for log lines. */
    protected abstract String goal();

    protected abstract void run(BuildLog log)
            throws BuildException, ProjectException, MojoExecutionException, MojoFailureException;

    /** An unset or blank string parameter is not set: the next source (pyproject.toml, the default) decides. */
    protected static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The values of a list parameter, without the null and blank ones Maven hands over for empty elements. */
    protected static List<String> listValues(List<String> values) {
        List<String> set = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    set.add(value);
                }
            }
        }
        return List.copyOf(set);
    }

    protected Path buildDirectory() {
        return Path.of(project.getBuild().getDirectory());
    }
}
