package dev.rustwheel.goals.python;

import dev.rustwheel.cargo.CargoBuildRequest;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.StageStep;
import dev.rustwheel.goals.WheelResult;
import dev.rustwheel.goals.compile.CompileConfig;
import dev.rustwheel.goals.compile.CompileStep;
import dev.rustwheel.goals.compile.Pyo3Python;
import dev.rustwheel.goals.packaging.PackageConfig;
import dev.rustwheel.goals.packaging.PackageStep;
import dev.rustwheel.goals.repair.AuditwheelMode;
import dev.rustwheel.goals.repair.RepairConfig;
import dev.rustwheel.goals.repair.RepairStep;
import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.project.pyproject.PyprojectFile;
import dev.rustwheel.python.interpreter.Venv;
import dev.rustwheel.python.interpreter.VenvException;
import dev.rustwheel.wheel.InvalidWheelException;
import dev.rustwheel.wheel.zip.Compression;
import dev.rustwheel.wheel.zip.EditableWheel;
import dev.rustwheel.wheel.zip.WheelArchive;
import dev.rustwheel.wheel.zip.WheelWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code develop} goal, as {@code maturin develop}: builds the project for the venv's interpreter through the
 * same compile, stage, package and finalize steps as a release (no audit: the wheel stays on this machine), so
 * cargo's output ends clean; then installs it into the venv as an editable wheel (see {@link EditableWheel}):
 * Python edits are live, a Rust edit is live after the next develop.
 */
public final class DevelopStep {

    /** Where develop's interpreter comes from, for messages: the venv's own, not a parameter. */
    private static final String VENV_INTERPRETER = "the parameter venv (its interpreter is the one built for)";

    private final Path buildDirectory;
    private final BuildLog log;

    public DevelopStep(Path buildDirectory, BuildLog log) {
        this.buildDirectory = buildDirectory;
        this.log = log;
    }

    public void run(DevelopConfig config) throws BuildException, ProjectException {
        ProcessRunner runner = new ProcessRunner(command -> log.info("Running " + command));
        Venv venv = venv(config, runner);
        String python = venv.python().toString();
        new WheelhouseStep(log).run(config.dependencies(), config.wheelhouse());
        Path wheel = build(config, python);
        Path editable = buildDirectory.resolve("rustwheel").resolve("develop").resolve("editable")
                .resolve(wheel.getFileName());
        try {
            WheelArchive archive = WheelArchive.read(wheel);
            Map<String, Path> fromProject = EditableWheel.write(wheel, sourceRoot(config), editable,
                    new WheelWriter(WheelWriter.ZIP_EPOCH, Compression.of("stored", null)));
            fromProject.forEach((module, source) -> log.info("Editable: " + module + " is used from " + source));
            // a reinstall of the same version is no upgrade to pip: remove the earlier develop first
            venv.pip(List.of("uninstall", "--yes", archive.distribution().value()), buildDirectory);
            List<String> install = new ArrayList<>(List.of("install"));
            install.addAll(PipSources.arguments(config.wheelhouse(), config.offline()));
            install.add(editable.toString());
            venv.pip(install, buildDirectory);
            log.info("Installed " + archive.distribution().value() + " " + archive.version() + " into "
                    + venv.directory() + " (editable)");
        } catch (VenvException e) {
            throw BuildException.userError(e.getMessage() + ". Check " + config.venvParameter()
                    + ", or delete it to have develop create it anew.", e);
        } catch (InvalidWheelException | IOException e) {
            throw BuildException.toolFailure("Cannot make the editable wheel " + editable + ": " + e.getMessage(), e);
        }
    }

    /** The configured venv, created with {@code pythonExecutable} when it does not exist yet. */
    private Venv venv(DevelopConfig config, ProcessRunner runner) throws BuildException {
        Venv venv = Venv.at(config.venv(), runner, log::info);
        if (venv.exists()) {
            return venv;
        }
        Path blocking = firstFileOnTheWay(config.venv());
        if (blocking != null) {
            throw BuildException.userError(config.venvParameter() + " is " + config.venv() + ", but " + blocking
                    + " is a file, not a directory, so no virtual environment can be created there. Point venv at an"
                    + " existing virtual environment or at a directory to create one in, or leave it unset for"
                    + " $VIRTUAL_ENV, else .venv in the project directory.", null);
        }
        log.info("Creating the virtual environment " + config.venv() + " with " + config.pythonExecutable());
        try {
            return Venv.create(config.pythonExecutable(), config.venv(), false, false, runner, log::info);
        } catch (VenvException e) {
            throw BuildException.userError(e.getMessage() + ". Set " + config.pythonParameter()
                    + " to a CPython 3 with the venv module (Debian: apt-get install"
                    + " python3-venv), or " + config.venvParameter() + " to an existing virtual environment.", e);
        }
    }

    /** The path itself or its closest existing ancestor where that is not a directory; null when none is. */
    static Path firstFileOnTheWay(Path venv) {
        for (Path path = venv.toAbsolutePath(); path != null; path = path.getParent()) {
            if (Files.exists(path)) {
                return Files.isDirectory(path) ? null : path;
            }
        }
        return null;
    }

    /** compile → stage → package → finalize, for the venv's interpreter; no audit, the wheel stays here. */
    private Path build(DevelopConfig config, String python) throws BuildException, ProjectException {
        CargoBuildRequest template = config.cargo();
        CargoBuildRequest request = new CargoBuildRequest(template.executable(), template.manifestPath(),
                template.profile(), template.features(), template.noDefaultFeatures(), template.extraArgs(),
                Pyo3Python.environment(template.environment(), python), template.offline());
        new CompileStep(buildDirectory, null, log).run(new CompileConfig(request, config.pyproject(),
                config.settings(), List.of(python), VENV_INTERPRETER, config.layoutParameters()));
        new StageStep(buildDirectory, log).run();
        new RepairStep(buildDirectory, log).run(new RepairConfig("linux", null, AuditwheelMode.SKIP, List.of(),
                config.pyproject(), config.settings(), "develop's compatibility (linux)", "develop's auditwheel (skip)",
                List.of(), "develop's libraryPath (none)"));
        List<WheelResult> wheels = new PackageStep(buildDirectory, log).run(new PackageConfig(List.of(python),
                VENV_INTERPRETER, config.pyproject(), config.settings(),
                buildDirectory.resolve("rustwheel").resolve("develop"), WheelWriter.ZIP_EPOCH,
                Compression.of("stored", null), 1, config.generatorVersion(), true,
                false, config.version(), null, null)); // a wheel for this machine only: no SBOM, no version check
        return wheels.get(0).file();
    }

    /** The directory the wheel's Python files come from: python-source, else the project directory. */
    private static Path sourceRoot(DevelopConfig config) throws ProjectException {
        PyprojectFile pyproject = PyprojectFile.read(config.pyproject());
        MaturinSettings settings = MaturinSettings.resolve(pyproject, config.settings());
        Path root = pyproject.projectDirectory();
        return settings.pythonSource() == null ? root : root.resolve(settings.pythonSource()).normalize();
    }
}
