package dev.rustwheel.maven;

import dev.rustwheel.build.ArchiveTimestamp;
import dev.rustwheel.build.BuildException;
import dev.rustwheel.build.BuildLog;
import dev.rustwheel.build.PackageConfig;
import dev.rustwheel.build.PackageStep;
import dev.rustwheel.build.WheelResult;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Writes the wheel into {@code target/wheels/} and attaches it to the project, so {@code install} and
 * {@code deploy} carry it. When the build will not reach {@code verify}, also gives cargo its outputs back.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageMojo extends AbstractRustwheelMojo {

    /**
     * The Python interpreter the wheel is built for: a name looked up on {@code PATH}, or a full path. It is run
     * once to read its version, ABI and extension-module suffix.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PYTHON_EXECUTABLE, defaultValue = "python3")
    private String pythonExecutable;

    /**
     * The project's {@code pyproject.toml}; its {@code [project]} name, version and description win over Cargo.toml's.
     * Ignored when the file does not exist.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PYPROJECT, defaultValue = "${project.basedir}/pyproject.toml")
    private File pyproject;

    /**
     * Where the wheel is written.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.WHEEL_DIRECTORY, defaultValue = "${project.build.directory}/wheels")
    private File wheelDirectory;

    /**
     * The time stamped on every entry of the wheel, as maven-archiver reads it; falls back to
     * {@code SOURCE_DATE_EPOCH}, then to 1980-01-01.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    private final MavenProjectHelper projectHelper;

    @Inject
    public PackageMojo(MavenProject project, MavenSession session, MavenProjectHelper projectHelper) {
        super(project, session);
        this.projectHelper = projectHelper;
    }

    @Override
    protected String goal() {
        return "package";
    }

    @Override
    protected void run(BuildLog log) throws BuildException {
        PackageConfig config = new PackageConfig(pythonExecutable, pyproject.toPath().toAbsolutePath(),
                wheelDirectory.toPath().toAbsolutePath(),
                ArchiveTimestamp.resolve(outputTimestamp, System.getenv("SOURCE_DATE_EPOCH")),
                plugin.getVersion(),
                !LifecycleReach.finalizeFollows(session.getGoals(), bindsFinalize()));
        WheelResult wheel = new PackageStep(buildDirectory(), log).run(config);
        attach(wheel);
    }

    /** A wheel module's main artifact is its wheel; any other module carries it as an attached {@code whl}. */
    private void attach(WheelResult wheel) {
        if ("wheel".equals(project.getPackaging())) {
            project.getArtifact().setFile(wheel.file().toFile());
        } else {
            projectHelper.attachArtifact(project, "whl", wheel.tag(), wheel.file().toFile());
        }
    }

    private boolean bindsFinalize() {
        return "wheel".equals(project.getPackaging()) || project.getBuildPlugins().stream()
                .filter(p -> p.getKey().equals(plugin.getPluginLookupKey()))
                .flatMap(p -> p.getExecutions().stream())
                .anyMatch(e -> e.getGoals().contains("finalize"));
    }
}
