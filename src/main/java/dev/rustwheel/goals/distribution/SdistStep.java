package dev.rustwheel.goals.distribution;

import dev.rustwheel.cargo.Cargo;
import dev.rustwheel.cargo.CargoException;
import dev.rustwheel.cargo.CargoPackage;
import dev.rustwheel.cargo.CargoSources;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.compile.CompileStep;
import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.project.pyproject.ProjectMetadata;
import dev.rustwheel.project.pyproject.PyprojectFile;
import dev.rustwheel.project.sdist.SdistLayout;
import dev.rustwheel.project.sdist.SdistManifests;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.wheel.SdistArchive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code sdist} goal, as {@code maturin sdist}: a PEP 517/625 source distribution
 * {@code <name>-<version>.tar.gz} holding what maturin's holds (see {@link SdistLayout}) and a {@code PKG-INFO} equal
 * to the wheel's {@code METADATA}; the project's own {@code [build-system]} builds it. Nothing is compiled.
 */
public final class SdistStep {

    private final BuildLog log;

    public SdistStep(BuildLog log) {
        this.log = log;
    }

    public Path run(SdistConfig config) throws BuildException, ProjectException {
        ProcessRunner runner = new ProcessRunner(command -> log.info("Running " + command));
        Cargo cargo = new Cargo(runner, log::info);
        CargoPackage crate;
        CargoSources.Sources sources;
        try {
            crate = cargo.locate(config.cargo()).rootPackage();
            sources = new CargoSources(runner, config.cargo().executable(), config.cargo().environment(),
                    config.cargo().offline(), config.cargoParameter()).of(config.cargo().manifestPath());
        } catch (CargoException e) {
            throw e.reason() == CargoException.Reason.UNEXPECTED_OUTPUT
                    ? BuildException.toolFailure(e.getMessage(), e) : BuildException.userError(e.getMessage(), e);
        }
        PyprojectFile pyproject = PyprojectFile.read(config.pyproject());
        MaturinSettings settings = MaturinSettings.resolve(pyproject, config.settings());
        ProjectMetadata metadata = ProjectMetadata.resolve(pyproject, new CrateInfo(config.cargo().manifestPath(),
                crate.name(), crate.version(), null, CompileStep.crateMetadata(crate), Map.of()), config.version());
        Map<String, SdistLayout.SdistFile> files = SdistLayout.files(sources, pyproject, settings,
                MaturinSettings.sdistGlobs(pyproject.maturin(), "include"),
                MaturinSettings.sdistGlobs(pyproject.maturin(), "exclude"), metadata.licenseFiles());
        if (config.version() != null) {
            files = withVersion(files, config.version());
        }
        String name = metadata.name().wheelEscaped() + "-" + metadata.version();
        Path file = config.outputDirectory().resolve(name + ".tar.gz");
        List<SdistArchive.Entry> entries = new ArrayList<>();
        entries.add(new SdistArchive.Entry("PKG-INFO",
                metadata.coreMetadata().render().getBytes(StandardCharsets.UTF_8), false));
        try {
            for (Map.Entry<String, SdistLayout.SdistFile> entry : files.entrySet()) {
                SdistLayout.SdistFile source = entry.getValue();
                entries.add(new SdistArchive.Entry(entry.getKey(), source.bytes(),
                        source.text() == null && Files.isExecutable(source.source())));
            }
            new SdistArchive(config.entryTime()).write(file, name, entries);
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot write " + file + ": " + e, e);
        }
        log.info("Built source distribution " + file + " (" + entries.size() + " files)");
        return file;
    }

    /** The configured version written into the sdist's pyproject.toml, so that building the sdist makes it too. */
    private Map<String, SdistLayout.SdistFile> withVersion(Map<String, SdistLayout.SdistFile> files, String version)
            throws BuildException {
        SdistLayout.SdistFile pyproject = files.get("pyproject.toml");
        Optional<String> edited;
        try {
            edited = pyproject == null ? Optional.empty()
                    : SdistManifests.withProjectVersion(new String(pyproject.bytes(), StandardCharsets.UTF_8), version);
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot read " + pyproject.source() + ": " + e, e);
        }
        if (edited.isEmpty()) {
            log.warn("The sdist names version " + version + " (parameter version), but has no pyproject.toml [project]"
                    + " table to carry it: a build of the sdist takes Cargo.toml's version. Add a [project] table with"
                    + " name and dynamic = [\"version\"] to pyproject.toml.");
            return files;
        }
        Map<String, SdistLayout.SdistFile> withVersion = new TreeMap<>(files);
        withVersion.put("pyproject.toml", new SdistLayout.SdistFile(pyproject.source(), edited.get()));
        return withVersion;
    }
}
