package dev.rustwheel.maven;

import dev.rustwheel.goals.ArchiveTimestamp;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.WheelResult;
import dev.rustwheel.goals.packaging.PackageConfig;
import dev.rustwheel.goals.packaging.PackageStep;
import dev.rustwheel.maven.parameters.PropertyNames;
import dev.rustwheel.maven.parameters.WheelSettings;
import dev.rustwheel.project.ProjectException;
import java.io.File;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
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
public class PackageMojo extends AbstractWheelBuildMojo {

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
    protected void run(BuildLog log) throws BuildException, ProjectException, MojoFailureException {
        WheelSettings wheel = wheelSettings();
        PackageConfig config = new PackageConfig(wheel.pythonExecutables(), wheel.interpreterParameter(),
                wheel.pyproject(), wheel.settings(), wheelDirectory.toPath().toAbsolutePath(),
                ArchiveTimestamp.resolve(outputTimestamp, System.getenv("SOURCE_DATE_EPOCH")),
                wheel.compression(), wheel.threads(), plugin.getVersion(),
                !LifecycleReach.finalizeFollows(session.getGoals(), bindsFinalize()), wheel.sbom(), wheel.wheelVersion(),
                project.getVersion(), PropertyNames.parameter("version", PropertyNames.VERSION));
        attach(new PackageStep(buildDirectory(), log).run(config));
    }


    /**
     * A skipped wheel module has no wheel to install or deploy; as a {@code pom} artifact, install and deploy carry
     * its POM alone instead of failing because no file was assigned to the build artifact.
     */
    @Override
    protected void skipped() {
        if ("wheel".equals(project.getPackaging())) {
            Artifact wheel = project.getArtifact();
            project.setArtifact(new DefaultArtifact(wheel.getGroupId(), wheel.getArtifactId(), wheel.getVersion(),
                    wheel.getScope(), "pom", null, new DefaultArtifactHandler("pom")));
        }
    }


    /**
     * A wheel module's main artifact is its first wheel, the others attached with their tag as classifier; any other
     * module carries every wheel as an attached {@code whl}.
     */
    private void attach(List<WheelResult> wheels) {
        boolean mainArtifact = "wheel".equals(project.getPackaging());
        for (WheelResult wheel : wheels) {
            if (mainArtifact) {
                project.getArtifact().setFile(wheel.file().toFile());
                mainArtifact = false;
            } else {
                projectHelper.attachArtifact(project, "whl", wheel.tag(), wheel.file().toFile());
            }
        }
    }

    private boolean bindsFinalize() {
        return "wheel".equals(project.getPackaging()) || project.getBuildPlugins().stream()
                .filter(p -> p.getKey().equals(plugin.getPluginLookupKey()))
                .flatMap(p -> p.getExecutions().stream())
                .anyMatch(e -> e.getGoals().contains("finalize"));
    }
}
