package dev.rustwheel.goals.python;

import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.FinalizeStep;
import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.python.interpreter.PytestReport;
import dev.rustwheel.python.interpreter.Venv;
import dev.rustwheel.python.interpreter.VenvException;
import dev.rustwheel.wheel.InvalidWheelException;
import dev.rustwheel.wheel.zip.WheelArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code test} goal: installs the built wheel (not the source tree) into a fresh venv with the test
 * requirements, and runs pytest over the project's tests from a directory outside the source tree, so the tests
 * import what users will install.
 */
public final class TestStep {

    /** pytest's exit codes (pytest.ExitCode). */
    private static final int TESTS_FAILED = 1;
    private static final int NO_TESTS_COLLECTED = 5;

    private final BuildLog log;

    public TestStep(BuildLog log) {
        this.log = log;
    }

    /** @return pytest's report for each interpreter, in the configured order */
    public List<PytestReport> run(TestConfig config) throws BuildException {
        if (!Files.isDirectory(config.testDirectory())) {
            throw BuildException.userError("testDirectory " + config.testDirectory() + " does not exist. Put the"
                    + " pytest suite there, set " + config.parameters().testDirectory()
                    + " to where it is, or skip the tests with " + config.parameters().skipTests() + ".", null);
        }
        List<WheelArchive> wheels = new ArrayList<>();
        for (Path wheel : config.wheels()) {
            if (!Files.isRegularFile(wheel)) {
                throw BuildException.userError("No wheel to test at " + wheel + ": the test goal needs the package"
                        + " goal to run first in the same build (mvn verify).", null);
            }
            wheels.add(readWheel(wheel));
        }
        // the wheel is written: cargo gets its outputs back now, so a failing test leaves nothing staged
        new FinalizeStep(config.buildDirectory(), log).run();
        Path work = config.buildDirectory().resolve("rustwheel").resolve("pytest");
        ProcessRunner runner = new ProcessRunner(command -> log.info("Running " + command));
        List<PytestReport> reports = new ArrayList<>();
        try {
            Files.createDirectories(work);
            Files.createDirectories(config.reportsDirectory());
            for (int i = 0; i < config.pythonExecutables().size(); i++) {
                reports.add(test(config, i, wheels, runner, work));
            }
            return reports;
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot prepare " + work + ": " + e, e);
        }
    }

    /** Tests the wheel fit for the {@code index}-th interpreter in a fresh venv of its own. */
    private PytestReport test(TestConfig config, int index, List<WheelArchive> wheels, ProcessRunner runner, Path work)
            throws BuildException {
        String interpreter = config.pythonExecutables().get(index);
        String suffix = index == 0 ? "" : "-" + (index + 1);
        try {
            Venv venv = createVenv(config, interpreter, suffix, runner);
            Path wheel = wheelFor(venv.supportedTags(work), wheels, config.wheels(), interpreter,
                    config.parameters().pythonExecutables());
            log.info("Testing " + wheel.getFileName() + " with " + interpreter);
            List<String> install = new ArrayList<>(List.of("install"));
            install.addAll(PipSources.arguments(config.wheelhouse(), config.offline()));
            install.addAll(requirements(config, wheel, wheels.get(config.wheels().indexOf(wheel))));
            venv.pip(install, work);
            if (!venv.canImport("pytest", work)) {
                throw BuildException.userError("pytest is not installed in the test environment " + venv.directory()
                        + (config.configuredRequirements().isPresent()
                        ? ": testRequirements " + config.testRequirements() + " do not bring it. Add pytest to "
                        + config.parameters().testRequirements()
                        : ". Add pytest to the project's test extra, or list it in testRequirements")
                        + (config.systemSitePackages() ? ", or install it for " + interpreter : "")
                        + ".", null);
            }
            return pytest(config, venv, work, config.reportName() + suffix);
        } catch (VenvException e) {
            throw BuildException.userError(e.getMessage() + ". Check " + config.parameters().pythonExecutable()
                    + " or pythonExecutables: each must be a CPython 3 with the venv"
                    + " module (Debian: apt-get install python3-venv); offline (-o), the test requirements must be"
                    + " in the wheelhouse or, with systemSitePackages, installed for the interpreter.", e);
        }
    }

    /**
     * The wheel whose tags come first in the interpreter's own order of preference, as pip would pick.
     *
     * @param interpretersParameter the parameter that lists the interpreters wheels are built for, for the message
     */
    static Path wheelFor(List<String> supportedTags, List<WheelArchive> wheels, List<Path> files, String interpreter,
                         String interpretersParameter) throws BuildException {
        for (String tag : supportedTags) {
            for (int i = 0; i < wheels.size(); i++) {
                if (wheels.get(i).tags().stream().anyMatch(t -> t.toString().equals(tag))) {
                    return files.get(i);
                }
            }
        }
        throw BuildException.userError("None of the built wheels " + files.stream().map(Path::getFileName).toList()
                + " installs into " + interpreter + ". Build a wheel for it: list it in "
                + interpretersParameter + " for package as for test.", null);
    }

    private Venv createVenv(TestConfig config, String interpreter, String suffix, ProcessRunner runner)
            throws VenvException {
        Path directory = config.buildDirectory().resolve("rustwheel").resolve("test-venv" + suffix);
        log.info("Creating a fresh virtual environment " + directory + " with " + interpreter
                + (config.systemSitePackages() ? " (with the system site-packages)" : ""));
        return Venv.create(interpreter, directory, config.systemSitePackages(), true, runner, log::info);
    }

    /** The wheel (with its {@code test} extra when that is the default) and the configured requirements. */
    private List<String> requirements(TestConfig config, Path wheelFile, WheelArchive wheel) {
        List<String> requirements = new ArrayList<>();
        String file = wheelFile.toString();
        if (config.configuredRequirements().isPresent()) {
            requirements.add(file);
            requirements.addAll(config.testRequirements());
        } else if (wheel.extras().contains("test")) {
            log.info("Installing the wheel with its test extra");
            requirements.add(file + "[test]");
        } else {
            requirements.add(file);
            requirements.add("pytest");
        }
        return requirements;
    }

    private PytestReport pytest(TestConfig config, Venv venv, Path work, String reportName)
            throws VenvException, BuildException {
        Path report = config.reportsDirectory().resolve("TEST-" + reportName + "-pytest.xml");
        List<String> arguments = new ArrayList<>(List.of("-m", "pytest", config.testDirectory().toString(),
                "--rootdir=" + config.projectDirectory(), "--junitxml=" + report,
                "-o", "junit_suite_name=" + reportName, "-o", "cache_dir=" + work.resolve(".pytest_cache")));
        arguments.addAll(config.pytestArgs());
        // the working directory is not the project's, so `import pkg` finds the installed wheel, not the sources
        int exit = venv.runPython(arguments, work, Map.of());
        if (exit == NO_TESTS_COLLECTED) {
            String message = "pytest collected no tests in " + config.testDirectory();
            if (config.failIfNoTests()) {
                throw BuildException.userError(message + ", and failIfNoTests is set. Add tests, or check"
                        + " testDirectory and pytestArgs.", null);
            }
            log.warn(message + " (set " + config.parameters().failIfNoTests() + " to fail the build then)");
            return new PytestReport(List.of(), List.of());
        }
        if (exit != 0 && exit != TESTS_FAILED) {
            // collection errors (a test module that fails to import) end here too
            throw BuildException.userError("pytest stopped with exit code " + exit + " (collection error,"
                    + " interruption or usage error; see the log above). Check the tests in "
                    + config.testDirectory() + " and " + config.parameters().pytestArgs() + ".", null);
        }
        PytestReport result = readReport(report, exit);
        if (exit == TESTS_FAILED) {
            throw BuildException.userError(result.failed().size() + " of " + result.tests().size()
                    + " tests failed: " + String.join(", ", result.failed()) + ". See the log above and " + report
                    + "; " + config.parameters().skipTests() + " skips them.", null);
        }
        log.info("pytest: " + result.tests().size() + " tests passed; report " + report);
        return result;
    }

    private static PytestReport readReport(Path report, int exit) throws BuildException {
        try {
            return PytestReport.read(report);
        } catch (IOException e) {
            throw BuildException.toolFailure("pytest exited with " + exit + " but its report cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static WheelArchive readWheel(Path wheel) throws BuildException {
        try {
            return WheelArchive.read(wheel);
        } catch (InvalidWheelException e) {
            throw BuildException.userError(e.getMessage() + ". Rebuild it (mvn clean verify).", e);
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot read " + wheel + ": " + e, e);
        }
    }
}
