package dev.rustwheel.maven;

import dev.rustwheel.goals.ArchiveTimestamp;
import dev.rustwheel.goals.AuditwheelMode;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.RepairConfig;
import dev.rustwheel.goals.RepairStep;
import dev.rustwheel.goals.WheelRepairConfig;
import dev.rustwheel.goals.WheelRepairStep;
import dev.rustwheel.project.MaturinSettings;
import dev.rustwheel.project.ProjectException;
import java.io.File;
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
 * {@code manylinux_2_17_x86_64}. Given a macOS or Windows {@code wheel}, repairs that wheel instead, as
 * {@code delocate-wheel} and {@code delvewheel repair} do.
 */
@Mojo(name = "repair", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, requiresProject = false, threadSafe = true)
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

    /**
     * A wheel to repair instead of the module's build (or a directory holding exactly one), as
     * {@code delocate-wheel} and {@code delvewheel repair} do: a macOS or Windows wheel, from any host. The
     * repaired wheel goes to {@code wheelDirectory}; the given one is only read.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.WHEEL)
    private File wheel;

    /**
     * Where the wheel repaired from {@code wheel} is written.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.WHEEL_DIRECTORY, defaultValue = "${project.build.directory}/wheels")
    private File wheelDirectory;

    /**
     * Directories searched for the libraries a macOS or Windows wheel needs, separated by the platform's path
     * separator ({@code :} or {@code ;}); delvewheel's {@code --add-path}, delocate's {@code DYLD_LIBRARY_PATH}.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.LIBRARY_PATH)
    private String libraryPath;

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
        AuditwheelMode mode = AuditwheelMode.parse(auditwheel, "auditwheel (property " + PropertyNames.AUDITWHEEL + ")");
        if (wheel != null) {
            new WheelRepairStep(log).run(new WheelRepairConfig(wheel.toPath().toAbsolutePath(),
                    wheelDirectory.toPath().toAbsolutePath(), mode, exclude, LibraryPath.parse(libraryPath),
                    ArchiveTimestamp.resolve(null, System.getenv("SOURCE_DATE_EPOCH"))));
            return;
        }
        new RepairStep(buildDirectory(), log).run(new RepairConfig(compatibility.trim(),
                System.getenv("LD_LIBRARY_PATH"),
                mode, exclude,
                pyprojectPath(), new MaturinSettings(moduleName(), null, null, null, null, null, bindings())));
    }
}
