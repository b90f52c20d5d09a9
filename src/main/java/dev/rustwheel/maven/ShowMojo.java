package dev.rustwheel.maven;

import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.repair.ShowConfig;
import dev.rustwheel.goals.repair.ShowStep;
import dev.rustwheel.maven.parameters.LibraryPath;
import dev.rustwheel.maven.parameters.MavenParameterSources;
import dev.rustwheel.maven.parameters.PropertyNames;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Prints what {@code auditwheel show} prints, for the module's built artifacts or for any wheel: the platform
 * tag, the highest symbol versions and the files needing them, external libraries and where they resolve, and
 * why each stricter policy fails; for a macOS or Windows wheel, what delocate or delvewheel would report (the tag
 * and the libraries it needs but does not carry). Runs without a project when given a wheel.
 */
@Mojo(name = "show", requiresProject = false, threadSafe = true)
public class ShowMojo extends AbstractRustwheelMojo {

    /**
     * A wheel to audit instead of the module's artifacts, or a directory holding exactly one (such as
     * {@code target/wheels}, whose file name changes with the tags).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.WHEEL)
    private File wheel;

    /**
     * {@code text} for people (in the build log), or {@code json} for tools (on standard output, so that
     * {@code mvn -q} leaves nothing else there).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FORMAT, defaultValue = "text")
    private String format;

    /**
     * Directories searched for the libraries a macOS or Windows wheel needs, separated by the platform's path
     * separator ({@code :} or {@code ;}), before the install names' own locations; delvewheel's
     * {@code --add-path}, delocate's {@code DYLD_LIBRARY_PATH}.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.LIBRARY_PATH)
    private String libraryPath;

    @Inject
    public ShowMojo(MavenProject project, MavenSession session) {
        super(project, session);
    }

    @Override
    protected String goal() {
        return "show";
    }

    @Override
    protected void run(BuildLog log) throws BuildException {
        boolean json = switch (format.trim()) {
            case "json" -> true;
            case "text" -> false;
            default -> throw BuildException.userError("Unknown format '" + format + "' (property "
                    + PropertyNames.FORMAT + "): use text or json.", null);
        };
        String report = new ShowStep(buildDirectory(), log).run(new ShowConfig(
                wheel == null ? null : wheel.toPath().toAbsolutePath(), json, System.getenv("LD_LIBRARY_PATH"),
                LibraryPath.parse(libraryPath),
                LibraryPath.parameter(libraryPath, new MavenParameterSources(project, session))));
        if (json) {
            System.out.print(report); // tools read stdout; the log would prefix every line with [INFO]
            System.out.flush();
        } else {
            report.lines().forEach(log::info);
        }
    }
}
