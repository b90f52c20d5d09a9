package dev.rustwheel.goals.packaging;

import dev.rustwheel.project.Bindings;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.project.pyproject.LicenseFiles;
import dev.rustwheel.project.OutDirIncludes;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.project.pyproject.ProjectMetadata;
import dev.rustwheel.project.ProjectPaths;
import dev.rustwheel.project.pyproject.PyprojectFile;
import dev.rustwheel.project.PythonLayout;
import dev.rustwheel.project.ResolvedProject;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.GraftedLibrary;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelLayout;
import dev.rustwheel.wheel.CffiModuleLayout;
import dev.rustwheel.wheel.CoreMetadata;
import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.EntryPoints;
import dev.rustwheel.wheel.entry.WheelEntry;
import dev.rustwheel.wheel.WheelInfo;
import dev.rustwheel.wheel.WheelName;
import dev.rustwheel.wheel.WheelTag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Everything one wheel is made of, decided before a byte of it is written: its file name and tag, each entry's
 * path and where its bytes come from (a file, a file with repair's overlay, generated text), and which entries
 * hold the crate's artifacts. Planning reads no artifact's content: it lists the Python sources and the files the
 * project names, nothing more; {@link PackageStep} then hands the plan to the wheel writer.
 *
 * @param file              where the wheel is written
 * @param distInfoDirectory the {@code .dist-info} directory's name
 * @param payload           the files the wheel installs
 * @param distInfoFiles     the metadata files, paths relative to {@code distInfoDirectory} (RECORD excepted)
 * @param artifactPaths     by index of the manifest's artifact, the archive path of the entry holding it
 * @param cleanDigests      filled while the wheel is written: by artifact index, the hex SHA-256 of the clean bytes
 *                          of each artifact that went in with an overlay
 */
record WheelPlan(Path file, String distInfoDirectory, WheelTag tag, List<WheelEntry> payload,
                 List<WheelEntry> distInfoFiles, Map<Integer, String> artifactPaths,
                 Map<Integer, String> cleanDigests) {

    /**
     * @param extensionSuffix  the extension module's file name suffix for the target interpreter (unused for bin)
     * @param cffiDeclarations the {@code ffi.py} of cffi bindings (null for other bindings)
     * @param sbom             what the SBOM is made of, used when the configuration asks for one
     */
    static WheelPlan of(StagingManifest manifest, PackageConfig config, ResolvedProject project, WheelLayout layout,
                        WheelTag tag, String extensionSuffix, byte[] cffiDeclarations, SbomContents sbom,
                        Consumer<String> warnings)
            throws BuildException, ProjectException {
        ProjectMetadata metadata = project.metadata();
        ProjectPaths paths = new ProjectPaths(project.pyproject().projectDirectory());
        String dataDirectory = WheelName.dataDirectory(metadata.name(), metadata.version());
        Map<Integer, String> artifactPaths = new TreeMap<>();
        Map<Integer, String> cleanDigests = new ConcurrentHashMap<>();
        List<WheelEntry> payload;
        if (project.bindings() == Bindings.EXTENSION) {
            int index = firstCdylib(manifest);
            String moduleName = layout.moduleName();
            String module = moduleName.substring(moduleName.lastIndexOf('.') + 1);
            PythonLayout.Extension extension = new PythonLayout.Extension(
                    content(manifest.artifacts().get(index), index, cleanDigests), extensionSuffix);
            payload = PythonLayout.entries(paths, project.settings(), moduleName, dataDirectory,
                    Optional.of(extension), List.of(), warnings);
            String suffix = module + extension.suffix();
            for (WheelEntry entry : payload) {
                // the first one: a loop, as a stream's lambdas would cost every package a class each
                if (entry.path().endsWith("/" + suffix)) {
                    artifactPaths.put(index, entry.path());
                    break;
                }
            }
        } else if (project.bindings() == Bindings.CFFI) {
            int index = firstCdylib(manifest);
            StagedArtifact library = manifest.artifacts().get(index);
            String module = layout.moduleName().substring(layout.moduleName().lastIndexOf('.') + 1);
            String fileName = CffiModuleLayout.libraryFileName(module, library.cargoPath().getFileName().toString());
            payload = PythonLayout.entries(paths, project.settings(), layout.moduleName(), dataDirectory,
                    Optional.of(new PythonLayout.Cffi(content(library, index, cleanDigests), fileName,
                            cffiDeclarations)), List.of(), warnings);
            artifactPaths.put(index, layout.moduleDirectory() + "/" + fileName);
        } else {
            List<PythonLayout.Executable> executables = new ArrayList<>();
            for (int i = 0; i < manifest.artifacts().size(); i++) {
                StagedArtifact artifact = manifest.artifacts().get(i);
                if (artifact.kind() == ArtifactKind.BIN) {
                    String name = artifact.cargoPath().getFileName().toString();
                    requireNoScriptNamed(name, metadata, project.pyproject());
                    // repair planned an overlay for it only if it needs grafted libraries
                    PythonLayout.Executable executable = artifact.overlay() == null
                            ? new PythonLayout.Executable(name, content(artifact, i, cleanDigests))
                            : PythonLayout.Executable.besideGraftedLibraries(layout.scriptsDirectory(), name,
                                    content(artifact, i, cleanDigests));
                    executables.add(executable);
                    artifactPaths.put(i, executable.archivePath(dataDirectory));
                }
            }
            if (executables.isEmpty()) {
                throw BuildException.userError("bindings = 'bin', but " + manifest.crate().manifestPath()
                        + " builds no bin target. Add a [[bin]] target, or set bindings to pyo3.", null);
            }
            payload = PythonLayout.entries(paths, project.settings(), layout.moduleName(), dataDirectory,
                    Optional.empty(), executables, warnings);
        }
        payload.addAll(OutDirIncludes.entries(project.pyproject(), manifest.crate(), warnings));
        for (GraftedLibrary library : manifest.grafted()) {
            // streamed from where the system keeps it; the overlay renames it and points it at its neighbours
            payload.add(new WheelEntry(library.archivePath(),
                    EntryContent.ofFile(library.sourcePath(), library.overlay()), true));
        }
        Path file = config.wheelDirectory().resolve(WheelName.fileName(metadata.name(), metadata.version(), tag));
        List<WheelEntry> distInfoFiles = distInfoFiles(metadata, config, tag);
        if (config.sbom()) {
            distInfoFiles.add(sbom.entry(manifest, metadata, file.getFileName().toString(), config.entryTime(),
                    config.generatorVersion()));
        }
        return new WheelPlan(file, WheelName.distInfoDirectory(metadata.name(), metadata.version()), tag, payload,
                distInfoFiles, artifactPaths, cleanDigests);
    }

    /** The index of the extension module's artifact, which the resolved project made sure exists. */
    static int firstCdylib(StagingManifest manifest) {
        for (int i = 0; ; i++) {
            if (manifest.artifacts().get(i).kind() == ArtifactKind.CDYLIB) {
                return i;
            }
        }
    }

    /**
     * The artifact's clean bytes, with repair's overlay applied on the way into the wheel if it planned one; then
     * the clean bytes' digest goes to {@code cleanDigests} under the artifact's {@code index}.
     */
    private static EntryContent content(StagedArtifact artifact, int index, Map<Integer, String> cleanDigests) {
        return artifact.overlay() == null ? EntryContent.ofFile(artifact.currentPath())
                : EntryContent.ofFile(artifact.currentPath(), artifact.overlay(),
                        digest -> cleanDigests.put(index, digest));
    }

    private static List<WheelEntry> distInfoFiles(ProjectMetadata metadata, PackageConfig config, WheelTag tag) {
        List<WheelEntry> files = new ArrayList<>();
        files.add(new WheelEntry(CoreMetadata.FILE_NAME, bytes(metadata.coreMetadata().render()), false));
        files.add(new WheelEntry(WheelInfo.FILE_NAME, bytes(new WheelInfo(config.generatorVersion(), tag.expanded())
                .render()), false));
        if (!metadata.entryPoints().isEmpty()) {
            files.add(new WheelEntry(EntryPoints.FILE_NAME, bytes(metadata.entryPoints().render()), false));
        }
        for (LicenseFiles.LicenseFile license : metadata.licenseFiles()) {
            files.add(new WheelEntry("licenses/" + license.path(), EntryContent.ofFile(license.source()), false));
        }
        return files;
    }

    /** pip would install the script's wrapper and the executable at the same path, one overwriting the other. */
    private static void requireNoScriptNamed(String name, ProjectMetadata metadata, PyprojectFile pyproject)
            throws ProjectException {
        if (metadata.entryPoints().scriptNames().contains(name)) {
            throw pyproject.project().error("scripts", "declares '" + name + "', which is also the name of the"
                    + " crate's executable; both would be installed as the same command. Rename one of them.");
        }
    }

    private static EntryContent bytes(String text) {
        return EntryContent.ofBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
