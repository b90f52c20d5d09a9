package dev.rustwheel.project;

import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.project.pyproject.ProjectMetadata;
import dev.rustwheel.project.pyproject.PyprojectFile;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelLayout;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The project, resolved once for one module's wheel: pyproject.toml, the POM's settings over {@code [tool.maturin]},
 * the metadata (the version included), and the {@link WheelLayout} — module name and place, bindings, distribution
 * name, the directories of grafted libraries and of executables beside them. {@code repair} records the layout,
 * {@code package} checks its own against it.
 */
public record ResolvedProject(PyprojectFile pyproject, MaturinSettings settings, ProjectMetadata metadata,
                              WheelLayout layout) {

    /**
     * @param pom      the POM's layout settings, each winning over {@code [tool.maturin]} where set
     * @param manifest        what cargo built, for the crate's metadata, the binding crates and the artifacts
     * @param versionOverride the wheel's version as the package goal's version parameter sets it, or null
     * @param initExport      tells whether the cdylib exports {@code PyInit_<module>}, telling a hand-written
     *                        extension module from cffi bindings where the crate uses no PyO3
     */
    public static <E extends Exception> ResolvedProject resolve(Path pyprojectPath, MaturinSettings pom,
            StagingManifest manifest, String versionOverride, Bindings.InitExport<E> initExport)
            throws ProjectException, E {
        PyprojectFile pyproject = PyprojectFile.read(pyprojectPath);
        MaturinSettings settings = MaturinSettings.resolve(pyproject, pom);
        WheelLayout layout = layout(pyproject, settings, pom, manifest, initExport);
        return new ResolvedProject(pyproject, settings, ProjectMetadata.resolve(pyproject, manifest.crate(),
                versionOverride), layout);
    }

    /**
     * The layout alone, as {@link #resolve} decides it, for {@code repair}: the metadata (readme, license files,
     * dependencies…) is left to {@code package}, and was checked by {@code compile} before cargo ran.
     */
    public static <E extends Exception> WheelLayout layout(Path pyprojectPath, MaturinSettings pom,
            StagingManifest manifest, Bindings.InitExport<E> initExport) throws ProjectException, E {
        PyprojectFile pyproject = PyprojectFile.read(pyprojectPath);
        return layout(pyproject, MaturinSettings.resolve(pyproject, pom), pom, manifest, initExport);
    }

    private static <E extends Exception> WheelLayout layout(PyprojectFile pyproject, MaturinSettings settings,
            MaturinSettings pom, StagingManifest manifest, Bindings.InitExport<E> initExport)
            throws ProjectException, E {
        Optional<StagedArtifact> cdylib = Bindings.first(manifest.artifacts(), ArtifactKind.CDYLIB);
        String cdylibModule = settings.moduleName() != null
                ? settings.moduleName().substring(settings.moduleName().lastIndexOf('.') + 1)
                : cdylib.isPresent() ? cdylib.get().name() : null;
        Bindings bindings = Bindings.of(pom, pyproject, manifest, cdylibModule, initExport);
        String dist = ProjectMetadata.name(pyproject, manifest.crate()).wheelEscaped();
        String defaultModule = bindings != Bindings.BIN ? firstCdylib(manifest).name() : dist;
        String moduleName = settings.moduleName() != null ? settings.moduleName() : defaultModule;
        String moduleDirectory = bindings == Bindings.CFFI
                ? PythonLayout.cffiDirectory(new ProjectPaths(pyproject.projectDirectory()), settings, moduleName)
                : PythonLayout.nativeDirectory(moduleName);
        return new WheelLayout(bindings.name(), moduleName, moduleDirectory, dist, dist + ".libs",
                PythonLayout.scriptsDirectory(dist));
    }

    public Bindings bindings() {
        return Bindings.valueOf(layout.bindings());
    }

    /**
     * Why the bindings are what they are, for messages: the setting that asks for them ({@code [tool.maturin]
     * bindings = 'cffi'} in …/pyproject.toml, or the POM's parameter), or the detection.
     */
    public String bindingsReason() throws ProjectException {
        String requested = settings.bindings();
        if (requested == null) {
            return "The crate's cdylib uses neither PyO3 nor pyo3-ffi and exports no PyInit function, so its bindings"
                    + " are " + bindings().name().toLowerCase(Locale.ROOT) + ", as maturin detects them";
        }
        return (requested.equals(pyproject.maturin().string("bindings")) ? pyproject.maturin().where("bindings")
                : "parameter bindings") + " = '" + requested + "'";
    }

    /** The extension module: the wheel carries the crate's first cdylib only. */
    private static StagedArtifact firstCdylib(StagingManifest manifest) throws ProjectException {
        Optional<StagedArtifact> cdylib = Bindings.first(manifest.artifacts(), ArtifactKind.CDYLIB);
        if (cdylib.isPresent()) {
            return cdylib.get();
        }
        throw ProjectException.userError("The crate " + manifest.crate().manifestPath() + " builds no cdylib,"
                + " only " + manifest.artifacts().stream().map(a -> a.kind() + " " + a.name()).toList()
                + ". Add [lib] crate-type = [\"cdylib\"] to Cargo.toml to build an extension module, or set"
                + " bindings to bin to ship the executables.", null);
    }
}
