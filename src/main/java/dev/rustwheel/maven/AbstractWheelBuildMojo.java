package dev.rustwheel.maven;

import dev.rustwheel.maven.parameters.MavenParameterSources;
import dev.rustwheel.maven.parameters.PropertyNames;
import dev.rustwheel.maven.parameters.WheelParameters;
import dev.rustwheel.maven.parameters.WheelSettings;
import java.io.File;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters that decide what the wheel becomes, shared by {@code compile}, {@code repair} and {@code package}
 * (in {@code wheel} packaging each goal is a mojo with its own parameters): {@code compile}, the first to run,
 * checks every one of them before cargo builds anything, so that a typo costs a second and not a build.
 */
abstract class AbstractWheelBuildMojo extends AbstractRustwheelMojo {

    /**
     * The Python interpreter the wheel is built for: a name looked up on {@code PATH}, or a full path. It is run
     * once to read its version, ABI and extension-module suffix, and PyO3's build script is pointed at it
     * ({@code PYO3_PYTHON}) unless {@code environmentVariables} sets {@code PYO3_PYTHON}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PYTHON_EXECUTABLE, defaultValue = WheelParameters.DEFAULT_PYTHON)
    private String pythonExecutable;

    /**
     * The interpreters to build wheels for, instead of the one {@code pythonExecutable}; the first is the one cargo
     * builds for. Where the built module does not depend on the interpreter (a hand-written {@code PyInit_*}, the
     * stable ABI, executables) each distinct tag gets a wheel from the same build; a version-specific PyO3 build
     * fits one Python version only, and the build fails if several are named. Unset: {@code pythonExecutable}
     * alone.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PYTHON_EXECUTABLES)
    private List<String> pythonExecutables;

    /**
     * The project's {@code pyproject.toml}: its {@code [project]} table (PEP 621) wins over Cargo.toml's metadata,
     * its {@code [tool.maturin]} table shapes the wheel, and its directory is the project directory that
     * configured paths are relative to. Ignored when the file does not exist.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PYPROJECT, defaultValue = "${project.basedir}/pyproject.toml")
    private File pyproject;

    /**
     * The Python import name of the native module, possibly dotted to place it inside a Python package
     * ({@code pkg._native}); wins over {@code [tool.maturin] module-name}. Unset: the cdylib's {@code [lib]} name.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MODULE_NAME)
    private String moduleName;

    /**
     * {@code pyo3}, {@code pyo3-ffi} (an extension module) or {@code bin} (the crate's executables as scripts); wins
     * over {@code [tool.maturin] bindings}. Unset: detected from the crate.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BINDINGS)
    private String bindings;

    /**
     * The directory, relative to the project, holding the Python package of a mixed project; wins over
     * {@code [tool.maturin] python-source}. Unset: the project directory.
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
     * {@code [tool.maturin] data}. Unset: the directory named after the module with the suffix {@code .data},
     * when it exists.
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
    @Parameter(property = PropertyNames.COMPRESSION, defaultValue = WheelParameters.DEFAULT_COMPRESSION)
    private String compression;

    /**
     * The deflate level, 0 (fastest) to 9 (smallest); 5 keeps wheels smaller than maturin's at under half the CPU
     * time of zlib's default 6.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.COMPRESSION_LEVEL, defaultValue = "5")
    private Integer compressionLevel;

    /**
     * The platform the wheel must run on: {@code auto} (the most compatible manylinux/musllinux policy the
     * artifacts meet, else {@code linux} with a warning), a policy such as {@code manylinux_2_17}, its alias
     * {@code manylinux2014} or {@code musllinux_1_2} (the build fails if the artifacts cannot meet it), or
     * {@code linux} (no audit; PyPI does not accept such wheels).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.COMPATIBILITY, defaultValue = WheelParameters.DEFAULT_COMPATIBILITY)
    private String compatibility;

    /**
     * What to do about needed libraries outside the policy's whitelist: {@code repair} grafts them into the
     * wheel's {@code .libs} directory, {@code check} fails the build naming them, {@code warn} logs them and tags
     * the wheel for what its files meet as they are, {@code skip} does no audit at all (the interpreter's platform
     * tag).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.AUDITWHEEL, defaultValue = WheelParameters.DEFAULT_AUDITWHEEL)
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
     * The distribution's version, winning over pyproject.toml and Cargo.toml in the wheel, the sdist and the
     * {@code develop} install alike; a Maven version is converted to PEP 440 ({@code 1.2.0-SNAPSHOT} →
     * {@code 1.2.0.dev0}, {@code 1.2.0-rc.1} → {@code 1.2.0rc1}). Set it to {@code ${project.version}} so that
     * releasing the POM releases the wheel. Unset, the build warns when the POM's version and the wheel's differ.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.VERSION)
    private String version;

    /**
     * How many threads deflate large files (a 1 GiB library is cut into 1 MiB blocks compressed side by side).
     * The wheel's bytes are the same for any value. Default: the number of available processors.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.THREADS)
    private Integer threads;

    /**
     * Whether the wheel carries a CycloneDX SBOM ({@code .dist-info/sboms/CRATE.cyclonedx.json}, CRATE being the
     * crate's name) listing every crate the build pulls in and every library repair grafted: {@code true} or
     * {@code false}.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.SBOM, defaultValue = "true")
    private String sbom;

    protected AbstractWheelBuildMojo(MavenProject project, MavenSession session) {
        super(project, session);
    }

    /** Every shared parameter, checked: the first failure names the parameter, its property, value and source. */
    protected WheelSettings wheelSettings() throws MojoFailureException {
        return WheelParameters.validate(new WheelParameters(pythonExecutable, listValues(pythonExecutables),
                pyproject.toPath().toAbsolutePath(), blankToNull(moduleName), blankToNull(bindings),
                blankToNull(pythonSource), unsetIfEmpty(pythonPackages), unsetIfEmpty(include), unsetIfEmpty(exclude),
                blankToNull(data), compression, compressionLevel, compatibility, auditwheel,
                listValues(auditwheelExclude), blankToNull(version), threads, sbom), new MavenParameterSources(project, session));
    }

    /** Maven hands an unconfigured list over as an empty one; only a list with values overrides pyproject.toml. */
    private static List<String> unsetIfEmpty(List<String> values) {
        List<String> set = listValues(values);
        return set.isEmpty() ? null : set;
    }
}
