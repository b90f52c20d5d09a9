package dev.rustwheel.maven;

import dev.rustwheel.cargo.CargoBuildRequest;
import dev.rustwheel.goals.ArchiveTimestamp;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.distribution.SdistConfig;
import dev.rustwheel.goals.distribution.SdistStep;
import dev.rustwheel.maven.parameters.PropertyNames;
import dev.rustwheel.maven.parameters.WheelSettings;
import dev.rustwheel.project.ProjectException;
import java.io.File;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * As {@code maturin sdist}: writes the source distribution {@code target/wheels/NAME-VERSION.tar.gz} (PEP 517,
 * PEP 625) with the files maturin puts into it, and attaches it (classifier {@code sdist}, type {@code tar.gz}) so
 * {@code install} and {@code deploy} carry it. Nothing is compiled. Not bound by the {@code wheel} packaging: add an
 * execution, or run {@code mvn rustwheel:sdist}.
 */
@Mojo(name = "sdist", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class SdistMojo extends AbstractCargoMojo {

    /**
     * Where the source distribution is written, beside the wheels.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.WHEEL_DIRECTORY, defaultValue = "${project.build.directory}/wheels")
    private File wheelDirectory;

    /**
     * The time stamped on every entry, as for wheels: this, else {@code SOURCE_DATE_EPOCH}, else 1980-01-01.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    private final MavenProjectHelper projectHelper;

    @Inject
    public SdistMojo(MavenProject project, MavenSession session, MavenProjectHelper projectHelper) {
        super(project, session);
        this.projectHelper = projectHelper;
    }

    @Override
    protected String goal() {
        return "sdist";
    }

    @Override
    protected void run(BuildLog log) throws BuildException, ProjectException, MojoFailureException {
        WheelSettings wheel = wheelSettings();
        CargoBuildRequest cargo = cargoRequest("release", cargoEnvironment());
        Path sdist = new SdistStep(log).run(new SdistConfig(cargo, wheel.pyproject(), wheel.settings(),
                wheelDirectory.toPath().toAbsolutePath(),
                ArchiveTimestamp.resolve(outputTimestamp, System.getenv("SOURCE_DATE_EPOCH")), wheel.wheelVersion(),
                PropertyNames.parameter("cargoExecutable", PropertyNames.CARGO_EXECUTABLE)));
        projectHelper.attachArtifact(project, "tar.gz", "sdist", sdist.toFile());
    }
}
