package dev.rustwheel.maven;

import dev.rustwheel.goals.ArchiveTimestamp;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.PackageConfig;
import dev.rustwheel.goals.PackageStep;
import dev.rustwheel.goals.PythonExecutables;
import dev.rustwheel.goals.WheelResult;
import dev.rustwheel.project.MaturinSettings;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.python.InvalidVersionException;
import dev.rustwheel.python.MavenVersions;
import dev.rustwheel.wheel.Compression;
import java.io.File;
import java.util.List;
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
public class PackageMojo extends AbstractWheelLayoutMojo {

    /**
     * The Python interpreter the wheel is built for: a name looked up on {@code PATH}, or a full path. It is run
     * once to read its version, ABI and extension-module suffix.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PYTHON_EXECUTABLE, defaultValue = "python3")
    private String pythonExecutable;

    /**
     * The interpreters to build wheels for, instead of the one {@code pythonExecutable}; the first is the one cargo
     * builds for. Where the built module does not depend on the interpreter (a hand-written {@code PyInit_*}, the
     * stable ABI, executables) each distinct tag gets a wheel from the same build; a version-specific PyO3 build
     * fits one Python version only, and the build fails if several are named.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PYTHON_EXECUTABLES)
    private List<String> pythonExecutables;

    /**
     * The directory, relative to the project, holding the Python package of a mixed project; wins over
     * {@code [tool.maturin] python-source}. Default: the project directory.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PYTHON_SOURCE)
    private String pythonSource;

    /**
     * Further top-level Python packages to ship from the python-source directory; wins over
     * {@code [tool.maturin] python-packages}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PYTHON_PACKAGES)
    private List<String> pythonPackages;

    /**
     * Globs, relative to the project, of further files to ship; wins over {@code [tool.maturin] include}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INCLUDE)
    private List<String> include;

    /**
     * Globs of files to leave out of the wheel, matched against the path in the wheel and in the project; wins over
     * {@code [tool.maturin] exclude}. {@code __pycache__} and {@code *.pyc} are always left out.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.EXCLUDE)
    private List<String> exclude;

    /**
     * A directory, relative to the project, whose {@code data}, {@code scripts}, {@code headers}, {@code purelib}
     * and {@code platlib} subdirectories go to the wheel's {@code .data} directory; wins over
     * {@code [tool.maturin] data}. Default: {@code <module>.data} when it exists.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DATA)
    private String data;

    /**
     * How entries are compressed: {@code deflated} or {@code stored}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.COMPRESSION, defaultValue = "deflated")
    private String compression;

    /**
     * The deflate level, 0 (fastest) to 9 (smallest); default 5, which keeps wheels smaller than maturin's at two
     * thirds of the CPU time of zlib's default 6.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.COMPRESSION_LEVEL)
    private Integer compressionLevel;

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
    protected void run(BuildLog log) throws BuildException, ProjectException {
        PackageConfig config = new PackageConfig(
                PythonExecutables.configured(pythonExecutables, pythonExecutable), pyprojectPath(),
                new MaturinSettings(moduleName(), blankToNull(pythonSource), unsetIfEmpty(pythonPackages),
                        unsetIfEmpty(include), unsetIfEmpty(exclude), blankToNull(data), bindings()),
                wheelDirectory.toPath().toAbsolutePath(),
                ArchiveTimestamp.resolve(outputTimestamp, System.getenv("SOURCE_DATE_EPOCH")),
                compression(), threads(), plugin.getVersion(),
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

    private Compression compression() throws BuildException {
        try {
            return Compression.of(compression, compressionLevel);
        } catch (IllegalArgumentException e) {
            throw BuildException.userError("compression/compressionLevel: " + e.getMessage() + " (properties "
                    + PropertyNames.COMPRESSION + ", " + PropertyNames.COMPRESSION_LEVEL + ").", e);
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

    /** Maven hands an unconfigured list over as an empty one; only a list with values overrides pyproject.toml. */
    private static List<String> unsetIfEmpty(List<String> values) {
        List<String> set = listValues(values);
        return set.isEmpty() ? null : set;
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
