package dev.rustwheel.maven;

import dev.rustwheel.goals.AuditwheelMode;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.RepairConfig;
import dev.rustwheel.goals.RepairStep;
import dev.rustwheel.project.MaturinSettings;
import dev.rustwheel.project.ProjectException;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Audits the staged artifacts as auditwheel does (symbol versions, library whitelist, blacklisted symbols,
 * architecture), grafts the external libraries they need into {@code <dist>.libs/} (as overlays applied while
 * the wheel is written; no file is patched on disk) and records the platform tags the wheel gets, such as
 * {@code manylinux_2_17_x86_64}.
 */
@Mojo(name = "repair", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public class RepairMojo extends AbstractWheelLayoutMojo {

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

    /**
     * What to do about needed libraries outside the policy's whitelist: {@code repair} grafts them into
     * {@code <dist>.libs/}, {@code check} fails the build naming them, {@code warn} logs them and tags the wheel
     * for what its files meet as they are, {@code skip} does no audit at all (the interpreter's platform tag).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.AUDITWHEEL, defaultValue = "repair")
    private String auditwheel;

    /**
     * Libraries never to graft, as fnmatch patterns tried on the soname and on the resolved path
     * ({@code libcuda.so.*}, {@code /opt/vendor/*}): the target systems must provide them. Their symbol versions
     * still count toward the platform tag.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.AUDITWHEEL_EXCLUDE)
    private List<String> auditwheelExclude;

    @Inject
    public RepairMojo(MavenProject project, MavenSession session) {
        super(project, session);
    }

    @Override
    protected String goal() {
        return "repair";
    }

    @Override
    protected void run(BuildLog log) throws BuildException, ProjectException {
        List<String> exclude = listValues(auditwheelExclude).stream().map(String::trim).toList();
        new RepairStep(buildDirectory(), log).run(new RepairConfig(compatibility.trim(),
                System.getenv("LD_LIBRARY_PATH"),
                AuditwheelMode.parse(auditwheel, "auditwheel (property " + PropertyNames.AUDITWHEEL + ")"), exclude,
                pyprojectPath(), new MaturinSettings(moduleName(), null, null, null, null, null, bindings())));
    }
}
