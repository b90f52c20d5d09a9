package dev.rustwheel.maven;

import dev.rustwheel.goals.ArchiveTimestamp;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.repair.RepairConfig;
import dev.rustwheel.goals.repair.RepairStep;
import dev.rustwheel.goals.repair.WheelRepairConfig;
import dev.rustwheel.goals.repair.WheelRepairStep;
import dev.rustwheel.maven.parameters.LibraryPath;
import dev.rustwheel.maven.parameters.MavenParameterSources;
import dev.rustwheel.maven.parameters.PropertyNames;
import dev.rustwheel.maven.parameters.WheelSettings;
import dev.rustwheel.project.ProjectException;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Audits the staged artifacts as auditwheel does (symbol versions, library whitelist, blacklisted symbols,
 * architecture), grafts the external libraries they need into {@code DIST.libs/}, DIST being the distribution's
 * name (as overlays applied while the wheel is written; no file is patched on disk) and records the platform tags the
 * wheel gets, such as {@code manylinux_2_17_x86_64}; a module built for macOS or Windows ({@code target}) is
 * repaired as delocate and delvewheel would. Given a {@code wheel}, repairs that wheel instead, as
 * {@code auditwheel repair}, {@code delocate-wheel} and {@code delvewheel repair} do.
 */
@Mojo(name = "repair", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, requiresProject = false, threadSafe = true)
public class RepairMojo extends AbstractWheelBuildMojo {

    /**
     * A wheel to repair instead of the module's build (or a directory holding exactly one), as
     * {@code auditwheel repair}, {@code delocate-wheel} and {@code delvewheel repair} do: a Linux, macOS or Windows
     * wheel, from any host. The repaired wheel goes to {@code wheelDirectory}; the given one is only read.
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
     * Directories searched first for the libraries a wheel or the module's binaries need, separated by the
     * platform's path separator ({@code :} or {@code ;}); delvewheel's {@code --add-path}, delocate's
     * {@code DYLD_LIBRARY_PATH}, before {@code LD_LIBRARY_PATH} on Linux. A module cross-built with {@code target}
     * finds the target's libraries here (and in the directories its build scripts linked against).
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
    protected void run(BuildLog log) throws BuildException, ProjectException, MojoFailureException {
        WheelSettings settings = wheelSettings();
        String libraryPathParameter = LibraryPath.parameter(libraryPath, new MavenParameterSources(project, session));
        if (wheel != null) {
            new WheelRepairStep(log).run(new WheelRepairConfig(wheel.toPath().toAbsolutePath(),
                    wheelDirectory.toPath().toAbsolutePath(), settings.auditwheel(), settings.auditwheelExclude(),
                    LibraryPath.parse(libraryPath), libraryPathParameter,
                    ArchiveTimestamp.resolve(null, System.getenv("SOURCE_DATE_EPOCH")), settings.compatibility(),
                    settings.compatibilityParameter(), System.getenv("LD_LIBRARY_PATH")));
            return;
        }
        new RepairStep(buildDirectory(), log).run(new RepairConfig(settings.compatibility(),
                System.getenv("LD_LIBRARY_PATH"), settings.auditwheel(), settings.auditwheelExclude(),
                settings.pyproject(), settings.settings(), settings.compatibilityParameter(),
                settings.auditwheelParameter(), LibraryPath.parse(libraryPath), libraryPathParameter));
    }
}
