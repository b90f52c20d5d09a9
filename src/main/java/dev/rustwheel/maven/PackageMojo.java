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
import dev.rustwheel.python.InvalidVersionException;
import dev.rustwheel.python.MavenVersions;
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
     * How many threads deflate large files (a 1 GiB library is cut into 1 MiB blocks compressed side by side).
     * The wheel's bytes are the same for any value. Default: the number of available processors.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.THREADS)
    private Integer threads;

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

    /**
     * Whether the wheel carries a CycloneDX SBOM ({@code .dist-info/sboms/<crate>.cyclonedx.json}) listing every
     * crate the build pulls in and every library repair grafted.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.SBOM, defaultValue = "true")
    private boolean sbom;

    /**
     * The wheel's version, winning over pyproject.toml and Cargo.toml; a Maven version is converted to PEP 440
     * ({@code 1.2.0-SNAPSHOT} → {@code 1.2.0.dev0}, {@code 1.2.0-rc.1} → {@code 1.2.0rc1}). Set it to
     * {@code ${project.version}} so that releasing the POM releases the wheel. Unset, the build warns when the POM's
     * version and the wheel's differ.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.VERSION)
    private String version;

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
                wheel.compression(), threads(), plugin.getVersion(),
                !LifecycleReach.finalizeFollows(session.getGoals(), bindsFinalize()), sbom, wheelVersion(),
                project.getVersion());
        attach(new PackageStep(buildDirectory(), log).run(config));
    }

    /** The configured version in PEP 440, checked before any work; null when none is configured. */
    private String wheelVersion() throws BuildException {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            return MavenVersions.toPep440(version);
        } catch (InvalidVersionException e) {
            throw BuildException.userError("version (property " + PropertyNames.VERSION + "): " + e.getMessage()
                    + ".", e);
        }
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

    private int threads() throws BuildException {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw BuildException.userError("threads (property " + PropertyNames.THREADS + ") is " + threads
                    + "; set it to 1 or more, or leave it unset to use every available processor.", null);
        }
        return threads;
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
