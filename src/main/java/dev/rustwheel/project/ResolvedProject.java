package dev.rustwheel.project;

import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.project.pyproject.ProjectMetadata;
import dev.rustwheel.project.pyproject.PyprojectFile;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelLayout;
import java.nio.file.Path;

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
     */
    public static ResolvedProject resolve(Path pyprojectPath, MaturinSettings pom, StagingManifest manifest,
                                          String versionOverride) throws ProjectException {
        PyprojectFile pyproject = PyprojectFile.read(pyprojectPath);
        MaturinSettings settings = MaturinSettings.resolve(pyproject, pom);
        Bindings bindings = Bindings.of(pom, pyproject, manifest);
        ProjectMetadata metadata = ProjectMetadata.resolve(pyproject, manifest.crate(), versionOverride);
        String dist = metadata.name().wheelEscaped();
        String defaultModule = bindings == Bindings.EXTENSION ? firstCdylib(manifest).name() : dist;
        String moduleName = settings.moduleName() != null ? settings.moduleName() : defaultModule;
        return new ResolvedProject(pyproject, settings, metadata, new WheelLayout(bindings.name(), moduleName,
                PythonLayout.nativeDirectory(moduleName), dist, dist + ".libs",
                PythonLayout.scriptsDirectory(dist)));
    }

    public Bindings bindings() {
        return Bindings.valueOf(layout.bindings());
    }

    /** The extension module: the wheel carries the crate's first cdylib only. */
    private static StagedArtifact firstCdylib(StagingManifest manifest) throws ProjectException {
        return manifest.artifacts().stream().filter(a -> a.kind() == ArtifactKind.CDYLIB).findFirst().orElseThrow(
                () -> ProjectException.userError("The crate " + manifest.crate().manifestPath() + " builds no cdylib,"
                        + " only " + manifest.artifacts().stream().map(a -> a.kind() + " " + a.name()).toList()
                        + ". Add [lib] crate-type = [\"cdylib\"] to Cargo.toml to build an extension module, or set"
                        + " bindings to bin to ship the executables.", null));
    }
}
