package dev.rustwheel.maven;

import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.PythonExecutables;
import dev.rustwheel.goals.python.TestConfig;
import dev.rustwheel.goals.python.TestParameters;
import dev.rustwheel.goals.python.TestStep;
import dev.rustwheel.maven.parameters.PropertyNames;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Tests the built wheel as users will get it: a fresh venv under {@code target/} from the wheel's interpreter, the
 * wheel (not the source tree) and the test requirements installed into it (the wheelhouse offered to pip), then
 * {@code python -m pytest} over the project's tests. A failing test fails the build; the JUnit XML report goes to
 * {@code target/failsafe-reports/}.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class TestMojo extends AbstractRustwheelMojo {

    /**
     * The interpreter the wheel was built for; the test venv is created with it.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PYTHON_EXECUTABLE, defaultValue = "python3")
    private String pythonExecutable;

    /**
     * The interpreters wheels are built for; each gets a fresh venv of its own ({@code target/rustwheel/test-venv},
     * {@code test-venv-2}, …) with the built wheel fit for it, and the suite runs once per interpreter.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PYTHON_EXECUTABLES)
    private List<String> pythonExecutables;

    /**
     * The directory pytest collects the tests from. Default: {@code tests} in the project directory, and a module
     * without one has nothing to test; a directory configured here must exist.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.TEST_DIRECTORY)
    private File testDirectory;

    /**
     * PEP 508 requirements installed beside the wheel for the tests, such as {@code pytest>=7} or
     * {@code hypothesis}. Default: the wheel's {@code test} extra where it declares one, else {@code pytest}.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.TEST_REQUIREMENTS)
    private List<String> testRequirements;

    /**
     * Further arguments for pytest, such as {@code -x} or {@code -k fast}.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.PYTEST_ARGS)
    private List<String> pytestArgs;

    /**
     * Lets the test venv see the interpreter's own site-packages, for machines where the test tools come with
     * the system rather than from an index.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.SYSTEM_SITE_PACKAGES, defaultValue = "false")
    private boolean systemSitePackages;

    /**
     * Fails the build when pytest collects no tests; by default that is reported as a warning.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.FAIL_IF_NO_TESTS, defaultValue = "false")
    private boolean failIfNoTests;

    /**
     * Skips the tests, as it does Surefire's and Failsafe's.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.SKIP_TESTS, defaultValue = "false")
    private boolean skipTests;

    /**
     * Skips the tests, as it does Failsafe's.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.SKIP_ITS, defaultValue = "false")
    private boolean skipITs;

    /**
     * The wheels the module depends on (see the wheelhouse goal), offered to pip when installing.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.WHEELHOUSE, defaultValue = "${project.build.directory}/wheelhouse")
    private File wheelhouse;

    /**
     * Where pytest's JUnit XML report is written, the directory CI servers read Failsafe's reports from.
     *
     * @since 0.2.0
     */
    @Parameter(defaultValue = "${project.build.directory}/failsafe-reports")
    private File reportsDirectory;

    @Inject
    public TestMojo(MavenProject project, MavenSession session) {
        super(project, session);
    }

    @Override
    protected String goal() {
        return "test";
    }

    @Override
    protected void run(BuildLog log) throws BuildException {
        if (skipTests || skipITs) {
            log.info("Tests are skipped (" + (skipTests ? PropertyNames.SKIP_TESTS : PropertyNames.SKIP_ITS) + ")");
            return;
        }
        if (testDirectory == null && !project.getBasedir().toPath().resolve("tests").toFile().isDirectory()) {
            log.info("No tests directory in " + project.getBasedir() + ": nothing to test (set testDirectory,"
                    + " property " + PropertyNames.TEST_DIRECTORY + ", where the tests are elsewhere)");
            return;
        }
        new TestStep(log).run(new TestConfig(
                PythonExecutables.configured(pythonExecutables, pythonExecutable), builtWheels(),
                wheelhouse.toPath().toAbsolutePath(), project.getBasedir().toPath().toAbsolutePath(),
                testDirectory().toAbsolutePath(),
                listValues(testRequirements), listValues(pytestArgs), systemSitePackages, session.isOffline(),
                failIfNoTests, buildDirectory(), reportsDirectory.toPath().toAbsolutePath(),
                project.getArtifactId(), new TestParameters(
                PropertyNames.parameter("testDirectory", PropertyNames.TEST_DIRECTORY),
                PropertyNames.parameter("testRequirements", PropertyNames.TEST_REQUIREMENTS),
                PropertyNames.parameter("pytestArgs", PropertyNames.PYTEST_ARGS),
                PropertyNames.parameter("failIfNoTests", PropertyNames.FAIL_IF_NO_TESTS),
                PropertyNames.parameter("pythonExecutable", PropertyNames.PYTHON_EXECUTABLE),
                PropertyNames.parameter("pythonExecutables", PropertyNames.PYTHON_EXECUTABLES),
                "-D" + PropertyNames.SKIP_TESTS)));
    }

    private Path testDirectory() {
        return testDirectory != null ? testDirectory.toPath() : project.getBasedir().toPath().resolve("tests");
    }

    /** The module's wheels: its main artifact in a wheel module, and the attached ones. */
    private List<Path> builtWheels() throws BuildException {
        List<Path> wheels = Stream.concat(Stream.of(project.getArtifact()), project.getAttachedArtifacts().stream())
                .filter(TestMojo::isWheel).map(a -> a.getFile().toPath()).toList();
        if (wheels.isEmpty()) {
            throw BuildException.userError("This build made no wheel to test in " + project.getArtifactId()
                    + ": the test goal needs the package goal to run first (mvn verify), or skip it with -D"
                    + PropertyNames.SKIP_TESTS + ".", null);
        }
        return wheels;
    }

    private static boolean isWheel(Artifact artifact) {
        return artifact.getFile() != null && artifact.getFile().getName().endsWith(".whl");
    }
}
