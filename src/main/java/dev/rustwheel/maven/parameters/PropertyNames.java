package dev.rustwheel.maven.parameters;

/** Every user property the plugin reads, in one place: {@code rustwheel.*}, and Maven's own test switches. */
public final class PropertyNames {

    public static final String SKIP = "rustwheel.skip";
    public static final String MANIFEST_PATH = "rustwheel.manifestPath";
    public static final String PROFILE = "rustwheel.profile";
    public static final String FEATURES = "rustwheel.features";
    public static final String NO_DEFAULT_FEATURES = "rustwheel.noDefaultFeatures";
    public static final String CARGO_ARGS = "rustwheel.cargoArgs";
    public static final String CARGO_EXECUTABLE = "rustwheel.cargoExecutable";
    public static final String CARGO_TARGET_DIRECTORY = "rustwheel.cargoTargetDirectory";
    public static final String TARGET = "rustwheel.target";
    public static final String PYTHON_EXECUTABLE = "rustwheel.pythonExecutable";
    public static final String PYTHON_EXECUTABLES = "rustwheel.pythonExecutables";
    public static final String WHEEL_DIRECTORY = "rustwheel.wheelDirectory";
    public static final String PYPROJECT = "rustwheel.pyproject";
    public static final String MODULE_NAME = "rustwheel.moduleName";
    public static final String PYTHON_SOURCE = "rustwheel.pythonSource";
    public static final String PYTHON_PACKAGES = "rustwheel.pythonPackages";
    public static final String INCLUDE = "rustwheel.include";
    public static final String EXCLUDE = "rustwheel.exclude";
    public static final String DATA = "rustwheel.data";
    public static final String BINDINGS = "rustwheel.bindings";
    public static final String COMPRESSION = "rustwheel.compression";
    public static final String COMPRESSION_LEVEL = "rustwheel.compressionLevel";
    public static final String THREADS = "rustwheel.threads";
    public static final String COMPATIBILITY = "rustwheel.compatibility";
    public static final String AUDITWHEEL = "rustwheel.auditwheel";
    public static final String AUDITWHEEL_EXCLUDE = "rustwheel.auditwheelExclude";
    public static final String WHEEL = "rustwheel.wheel";
    public static final String FORMAT = "rustwheel.format";
    public static final String LIBRARY_PATH = "rustwheel.libraryPath";
    public static final String STAGING_DIRECTORY = "rustwheel.stagingDirectory";
    public static final String SBOM = "rustwheel.sbom";
    public static final String VERSION = "rustwheel.version";
    public static final String REPOSITORY_URL = "rustwheel.repositoryUrl";
    public static final String REPOSITORY_ID = "rustwheel.repositoryId";
    public static final String SKIP_EXISTING = "rustwheel.skipExisting";
    public static final String VENV = "rustwheel.venv";
    public static final String WHEELHOUSE = "rustwheel.wheelhouse";
    public static final String TEST_DIRECTORY = "rustwheel.testDirectory";
    public static final String TEST_REQUIREMENTS = "rustwheel.testRequirements";
    public static final String PYTEST_ARGS = "rustwheel.pytestArgs";
    public static final String SYSTEM_SITE_PACKAGES = "rustwheel.systemSitePackages";
    public static final String FAIL_IF_NO_TESTS = "rustwheel.failIfNoTests";
    /** Maven's own switches for tests, honoured by the test goal as Surefire and Failsafe honour them. */
    public static final String SKIP_TESTS = "skipTests";
    public static final String SKIP_ITS = "skipITs";
    /**
     * Test-only: halts the JVM at a named point of staging or packaging, see
     * {@link dev.rustwheel.staging.store.FaultPoints}. Never set it in a real build.
     */
    public static final String FAULT_INJECTION = "rustwheel.faultInjection";

    /**
     * How a message names a parameter whose value's source is not worth naming: {@code name (property rustwheel.x)}.
     * The core is handed this text in its config records and never spells a property itself.
     */
    public static String parameter(String name, String property) {
        return name + " (property " + property + ")";
    }

    private PropertyNames() {
    }
}
