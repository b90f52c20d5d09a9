package dev.rustwheel.goals.packaging;

import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.CffiDeclarations;
import dev.rustwheel.goals.Interpreters;
import dev.rustwheel.goals.ModuleState;
import dev.rustwheel.goals.NativeFile;
import dev.rustwheel.goals.WheelResult;
import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.project.Bindings;
import dev.rustwheel.project.OutDirIncludes;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.project.ProjectPaths;
import dev.rustwheel.project.PythonLayout;
import dev.rustwheel.project.ResolvedProject;
import dev.rustwheel.project.pyproject.LicenseFiles;
import dev.rustwheel.project.pyproject.ProjectMetadata;
import dev.rustwheel.project.pyproject.PyprojectFile;
import dev.rustwheel.python.interpreter.InterpreterProbe;
import dev.rustwheel.python.interpreter.PythonInterpreter;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.GraftedLibrary;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelLayout;
import dev.rustwheel.wheel.CffiModuleLayout;
import dev.rustwheel.staging.store.FaultPoints;
import dev.rustwheel.wheel.CoreMetadata;
import dev.rustwheel.wheel.EntryPoints;
import dev.rustwheel.wheel.RecordRow;
import dev.rustwheel.wheel.WheelInfo;
import dev.rustwheel.wheel.WheelName;
import dev.rustwheel.wheel.WheelTag;
import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import dev.rustwheel.wheel.zip.WheelUpdate;
import dev.rustwheel.wheel.zip.WheelWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code package} goal: writes the wheel from the staged artifacts. Whatever goes wrong, cargo's outputs are
 * given back before the failure is reported, so a failed build loses nothing.
 */
public final class PackageStep {

    private final ModuleState state;
    private final BuildLog log;
    private final Interpreters.Probe probe;
    /** Where the cffi bindings' header and ffi.py are generated, and stay for the user to look at. */
    private final Path cffiDirectory;

    public PackageStep(Path buildDirectory, BuildLog log) {
        this(buildDirectory, log, Interpreters.cached(StagingLayout.under(buildDirectory).cache()));
    }

    PackageStep(Path buildDirectory, BuildLog log, Interpreters.Probe probe) {
        this.state = new ModuleState(buildDirectory, log);
        this.cffiDirectory = StagingLayout.under(buildDirectory).root().resolve("cffi");
        this.log = log;
        this.probe = probe;
    }

    /** @return the wheels written, one per distinct tag of the configured interpreters, the first one's first */
    public List<WheelResult> run(PackageConfig config) throws BuildException, ProjectException {
        StagingManifest manifest = state.require("package");
        List<WheelResult> wheels = new ArrayList<>();
        try {
            ResolvedProject project = ResolvedProject.resolve(config.pyproject(), config.settings(), manifest,
                    config.version(), NativeFile::exportsInit);
            VersionAlignment.warning(config.pomVersion(), project.metadata().version(), config.version())
                    .ifPresent(log::warn);
            project.metadata().warnings().forEach(log::warn);
            WheelLayout layout = recordedLayout(manifest, project.layout());
            List<PythonInterpreter> interpreters = Interpreters.probe(probe, config.pythonExecutables(),
                    config.interpreterParameter(), config.wheelDirectory().getParent());
            // an executable linking libpython starts only beside that interpreter: tagged as its extension modules
            // are (cp311-cp311), as maturin tags PyO3 binaries, so pip installs it nowhere else
            Bindings tagging = project.bindings() == Bindings.BIN && embedsPython(manifest)
                    ? Bindings.EXTENSION : project.bindings();
            for (WheelTargets.Target target : WheelTargets.select(tagging, manifest, interpreters,
                    auditedPlatforms(manifest))) {
                wheels.add(write(manifest, config, project, layout, target));
            }
        } catch (BuildException | ProjectException | RuntimeException e) {
            state.restoreAfter(e);
            throw e;
        }
        if (config.finalizeAfterwards()) {
            state.restore(state.require("package"));
        }
        return wheels;
    }

    /**
     * The layout repair recorded, which its RPATHs point into; where this execution's configuration would place
     * things elsewhere (per-execution settings, say) the wheel would not work, so that is an error naming both.
     * Without a repair, the configured layout.
     */
    static WheelLayout recordedLayout(StagingManifest manifest, WheelLayout configured) throws BuildException {
        WheelLayout recorded = manifest.layout();
        if (recorded == null) {
            return configured;
        }
        List<String> differences = recorded.differences(configured, "as repair recorded it", "as package is"
                + " configured");
        if (!differences.isEmpty()) {
            throw BuildException.userError("The wheel's layout differs between repair and package: "
                    + String.join("; ", differences) + ". Give both goals the same moduleName, bindings and pyproject"
                    + " (configure them on the plugin, not on one execution), then build again.", null);
        }
        return recorded;
    }

    private WheelResult write(StagingManifest manifest, PackageConfig config, ResolvedProject project,
                              WheelLayout layout, WheelTargets.Target target) throws BuildException, ProjectException {
        ProjectMetadata metadata = project.metadata();
        ProjectPaths paths = new ProjectPaths(project.pyproject().projectDirectory());
        String dataDirectory = WheelName.dataDirectory(metadata.name(), metadata.version());
        Map<Integer, String> packed = new TreeMap<>();
        // the clean digests of the repaired artifacts, taken while their patched bytes stream into the wheel
        Map<Integer, String> cleanDigests = new ConcurrentHashMap<>();
        List<WheelEntry> payload;
        if (project.bindings() == Bindings.EXTENSION) {
            int index = firstCdylib(manifest);
            StagedArtifact library = manifest.artifacts().get(index);
            String moduleName = layout.moduleName();
            String module = moduleName.substring(moduleName.lastIndexOf('.') + 1);
            NativeFile.read(library.currentPath(), "PyInit_" + module).requireExtensionModule(module);
            PythonLayout.Extension extension = new PythonLayout.Extension(content(library, index, cleanDigests),
                    TagSelection.extensionSuffix(target.abi3Minor(), target.python()));
            payload = PythonLayout.entries(paths, project.settings(), moduleName, dataDirectory,
                    Optional.of(extension), List.of(), log::warn);
            String suffix = module + extension.suffix();
            payload.stream().filter(e -> e.path().endsWith("/" + suffix)).findFirst()
                    .ifPresent(e -> packed.put(index, e.path()));
        } else if (project.bindings() == Bindings.CFFI) {
            int index = firstCdylib(manifest);
            StagedArtifact library = manifest.artifacts().get(index);
            NativeFile.read(library.currentPath(), null).requireNoLibpython();
            String module = layout.moduleName().substring(layout.moduleName().lastIndexOf('.') + 1);
            String fileName = CffiModuleLayout.libraryFileName(module, library.cargoPath().getFileName().toString());
            byte[] declarations = new CffiDeclarations(log).generate(target.python().executable(),
                    manifest.crate().directory(), manifest.crate().targetDirectory(), cffiDirectory,
                    project.bindingsReason());
            payload = PythonLayout.entries(paths, project.settings(), layout.moduleName(), dataDirectory,
                    Optional.of(new PythonLayout.Cffi(content(library, index, cleanDigests), fileName, declarations)),
                    List.of(), log::warn);
            packed.put(index, layout.moduleDirectory() + "/" + fileName);
            if (metadata.coreMetadata().render().lines()
                    .noneMatch(line -> line.matches("(?i)Requires-Dist: cffi\\b.*"))) {
                log.warn("The cffi bindings' ffi.py imports cffi's backend at run time, but the project does not"
                        + " depend on cffi: add it to [project] dependencies in pyproject.toml (dependencies ="
                        + " [\"cffi\"]), or installs without cffi fail on import, as maturin warns too");
            }
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
                    packed.put(i, executable.archivePath(dataDirectory));
                }
            }
            if (executables.isEmpty()) {
                throw BuildException.userError("bindings = 'bin', but " + manifest.crate().manifestPath()
                        + " builds no bin target. Add a [[bin]] target, or set bindings to pyo3.", null);
            }
            payload = PythonLayout.entries(paths, project.settings(), layout.moduleName(), dataDirectory,
                    Optional.empty(), executables, log::warn);
        }
        WheelTag tag = target.tag();
        payload.addAll(OutDirIncludes.entries(project.pyproject(), manifest.crate(), log::warn));
        for (GraftedLibrary library : manifest.grafted()) {
            // streamed from where the system keeps it; the overlay renames it and points it at its neighbours
            payload.add(new WheelEntry(library.archivePath(),
                    EntryContent.ofFile(library.sourcePath(), library.overlay()), true));
        }
        Path file = config.wheelDirectory().resolve(WheelName.fileName(metadata.name(), metadata.version(), tag));
        String distInfo = WheelName.distInfoDirectory(metadata.name(), metadata.version());
        WheelUpdate update;
        long start = System.nanoTime();
        try {
            WheelWriter writer = new WheelWriter(config.entryTime(), config.compression(), config.threads(),
                    entry -> FaultPoints.reach(FaultPoints.WHEEL_AFTER_ENTRY));
            List<WheelEntry> distInfoFiles = distInfoFiles(metadata, config, tag);
            if (config.sbom()) {
                distInfoFiles.add(new SbomContents(new SystemPackages(Path.of("/etc/os-release"))).entry(manifest,
                        metadata, file.getFileName().toString(), config.entryTime(), config.generatorVersion()));
            }
            update = writer.update(file, distInfo, payload, distInfoFiles, WheelRecords.previous(manifest, file));
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot write " + file + ": " + e, e);
        }
        List<RecordRow> rows = update.wheel().rows();
        log.info(summary(file, update, rows.size(), System.nanoTime() - start));
        // read again: an earlier wheel of this build (another interpreter's) recorded itself there
        StagingManifest digested = state.require("package").withWheel(WheelRecords.of(file, update.wheel()));
        for (Map.Entry<Integer, String> entry : packed.entrySet()) {
            String digest;
            if (manifest.artifacts().get(entry.getKey()).overlay() != null) {
                // RECORD holds the patched bytes' digest; without a stream (entry reused) the clean one stays unknown
                digest = cleanDigests.get(entry.getKey());
                if (digest == null) {
                    continue;
                }
            } else {
                digest = hex(rows.stream().filter(r -> r.path().equals(entry.getValue())).findFirst().orElseThrow()
                        .sha256());
            }
            digested = digested.withArtifact(entry.getKey(), a -> a.withSha256(digest));
        }
        state.write(digested);
        return new WheelResult(file, tag.toString());
    }

    /** {@code Built wheel x.whl (12 entries, 1.4 MiB, 0.3 s)}: one line per wheel. */
    private static String summary(Path file, WheelUpdate update, int entries, long nanos) {
        String size;
        try {
            size = String.format(Locale.ROOT, "%.1f MiB", Files.size(file) / (1024.0 * 1024.0));
        } catch (IOException e) {
            size = "size unknown";
        }
        String done = update.untouched() ? "Wheel %s is up to date, nothing that goes into it changed"
                : "Built wheel %s" + (update.reused() > 0 ? ", " + update.reused() + " unchanged entries copied from"
                        + " the previous one" : "");
        return String.format(Locale.ROOT, done + " (%d entries, %s, %.1f s)", file, entries, size, nanos / 1e9);
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
            throws BuildException, ProjectException {
        if (metadata.entryPoints().scriptNames().contains(name)) {
            throw pyproject.project().error("scripts", "declares '" + name + "', which is also the name of the"
                    + " crate's executable; both would be installed as the same command. Rename one of them.");
        }
    }

    /** The platform tags the repair goal recorded; none where it did not run. */
    private static List<String> auditedPlatforms(StagingManifest manifest) {
        return manifest.audit() == null ? List.of() : manifest.audit().platformTags();
    }

    private static EntryContent bytes(String text) {
        return EntryContent.ofBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean embedsPython(StagingManifest manifest) throws BuildException {
        for (StagedArtifact artifact : manifest.artifacts()) {
            if (artifact.kind() == ArtifactKind.BIN && NativeFile.read(artifact.currentPath(), null).libpython().isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** RECORD spells digests in URL-safe base64; the manifest, like sha256sum, in hex. */
    private static String hex(String urlSafeBase64) {
        return HexFormat.of().formatHex(Base64.getUrlDecoder().decode(urlSafeBase64));
    }

    /** The index of the extension module's artifact, which the resolved project made sure exists. */
    private static int firstCdylib(StagingManifest manifest) {
        for (int i = 0; ; i++) {
            if (manifest.artifacts().get(i).kind() == ArtifactKind.CDYLIB) {
                return i;
            }
        }
    }
}
