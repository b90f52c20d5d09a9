package dev.rustwheel.goals.packaging;

import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.CffiDeclarations;
import dev.rustwheel.goals.Interpreters;
import dev.rustwheel.goals.ModuleState;
import dev.rustwheel.goals.NativeFile;
import dev.rustwheel.goals.WheelResult;
import dev.rustwheel.project.Bindings;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.project.ResolvedProject;
import dev.rustwheel.python.interpreter.PythonInterpreter;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.FileIdentity;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelLayout;
import dev.rustwheel.staging.store.FaultPoints;
import dev.rustwheel.wheel.RecordRow;
import dev.rustwheel.wheel.zip.WheelUpdate;
import dev.rustwheel.wheel.zip.WheelWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The {@code package} goal: writes the wheel from the staged artifacts. Whatever goes wrong, cargo's outputs are
 * given back before the failure is reported, so a failed build loses nothing.
 */
public final class PackageStep {

    /*
     * Named classes and loops rather than lambdas on package's path: each lambda or method reference costs a class
     * spun at its first use, a measurable part of a warm build's few tenths of a second.
     */

    /** Where the fault-injection tests stop a build after a wheel entry. */
    private static final Consumer<String> AFTER_ENTRY = new Consumer<>() {
        @Override
        public void accept(String entry) {
            FaultPoints.reach(FaultPoints.WHEEL_AFTER_ENTRY);
        }
    };

    private final ModuleState state;
    private final BuildLog log;
    private final Consumer<String> warnings;
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
        this.warnings = new Consumer<>() {
            @Override
            public void accept(String warning) {
                log.warn(warning);
            }
        };
        this.probe = probe;
    }

    /** @return the wheels written, one per distinct tag of the configured interpreters, the first one's first */
    public List<WheelResult> run(PackageConfig config) throws BuildException, ProjectException {
        StagingManifest manifest = state.require("package");
        List<WheelResult> wheels = new ArrayList<>();
        try {
            ResolvedProject project = ResolvedProject.resolve(config.pyproject(), config.settings(), manifest,
                    config.version(), NativeFile.INIT_EXPORT);
            VersionAlignment.warning(config.pomVersion(), project.metadata().version(), config.version(),
                    config.versionParameter())
                    .ifPresent(warnings);
            for (String warning : project.metadata().warnings()) {
                log.warn(warning);
            }
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
        // cffi's ffi.py, generated before the plan, which reads no artifact and runs nothing
        byte[] cffiDeclarations = project.bindings() == Bindings.CFFI
                ? cffiDeclarations(manifest, project, target) : null;
        WheelPlan plan = WheelPlan.of(manifest, config, project, layout, target.tag(),
                TagSelection.extensionSuffix(target.abi3Minor(), target.python(), auditedPlatforms(manifest)),
                cffiDeclarations,
                new SbomContents(new SystemPackages(Path.of("/etc/os-release"))), warnings);
        Path file = plan.file();
        WheelUpdate update;
        Map<Integer, FileIdentity> streamed = new TreeMap<>();
        long start = System.nanoTime();
        try {
            for (int index : plan.artifactPaths().keySet()) {
                // taken before the read: a file written meanwhile no longer matches it, and is read for its digest
                Optional<FileIdentity> identity = FileIdentity.of(manifest.artifacts().get(index).currentPath());
                if (identity.isPresent()) {
                    streamed.put(index, identity.get());
                }
            }
            WheelWriter writer = new WheelWriter(config.entryTime(), config.compression(), config.threads(),
                    AFTER_ENTRY);
            // a wheel left as it was holds the library an earlier build checked; read it only to write it anew
            if (project.bindings() == Bindings.EXTENSION && !writer.upToDate(file, plan.distInfoDirectory(),
                    plan.payload(), plan.distInfoFiles(), WheelRecords.previous(manifest, file))) {
                requireExtensionModule(manifest, layout);
            }
            update = writer.update(file, plan.distInfoDirectory(), plan.payload(), plan.distInfoFiles(),
                    WheelRecords.previous(manifest, file));
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot write " + file + ": " + e, e);
        }
        List<RecordRow> rows = update.wheel().rows();
        log.info(summary(file, update, rows.size(), System.nanoTime() - start));
        // read again: an earlier wheel of this build (another interpreter's) recorded itself there; a wheel left
        // as it was is recorded there as it is
        StagingManifest digested = state.require("package");
        boolean changed = !update.untouched();
        if (changed) {
            digested = digested.withWheel(WheelRecords.of(file, update.wheel()));
        }
        for (Map.Entry<Integer, String> entry : plan.artifactPaths().entrySet()) {
            String digest;
            if (manifest.artifacts().get(entry.getKey()).overlay() != null) {
                // RECORD holds the patched bytes' digest; without a stream (entry reused) the clean one stays unknown
                digest = plan.cleanDigests().get(entry.getKey());
                if (digest == null) {
                    continue;
                }
            } else {
                digest = hex(row(rows, entry.getValue()).sha256());
            }
            FileIdentity identity = streamed.get(entry.getKey());
            FileIdentity unchanged = identity != null && matches(identity, manifest.artifacts().get(entry.getKey()))
                    ? identity : null;
            StagedArtifact recorded = digested.artifacts().get(entry.getKey());
            if (!digest.equals(recorded.sha256()) || !Objects.equals(unchanged, recorded.digested())) {
                digested = digested.withArtifact(entry.getKey(), a -> a.withSha256(digest, unchanged));
                changed = true;
            }
        }
        if (changed) {
            state.write(digested);
        } else {
            // compile kept the digests of unchanged files: nothing to record, no manifest write and fsync
            log.debug("The staging manifest already records this wheel and its artifacts' digests");
        }
        return new WheelResult(file, plan.tag().toString());
    }

    /** RECORD's row of {@code path}, which the wheel holds. */
    private static RecordRow row(List<RecordRow> rows, String path) {
        for (RecordRow row : rows) {
            if (row.path().equals(path)) {
                return row;
            }
        }
        throw new IllegalStateException("the wheel has no entry " + path);
    }

    /** Whether the artifact's file is still the one {@code identity} describes; an unreadable one is not. */
    private static boolean matches(FileIdentity identity, StagedArtifact artifact) {
        try {
            return identity.matches(artifact.currentPath());
        } catch (IOException e) {
            return false;
        }
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

    /** The platform tags the repair goal recorded; none where it did not run. */
    private static List<String> auditedPlatforms(StagingManifest manifest) {
        return manifest.audit() == null ? List.of() : manifest.audit().platformTags();
    }

    private static boolean embedsPython(StagingManifest manifest) throws BuildException {
        for (StagedArtifact artifact : manifest.artifacts()) {
            if (artifact.kind() == ArtifactKind.BIN && NativeFile.read(artifact.currentPath(), null).libpython().isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The extension module's library must export the init function of the module the layout names. */
    private static void requireExtensionModule(StagingManifest manifest, WheelLayout layout) throws BuildException {
        StagedArtifact library = manifest.artifacts().get(WheelPlan.firstCdylib(manifest));
        String moduleName = layout.moduleName();
        String module = moduleName.substring(moduleName.lastIndexOf('.') + 1);
        NativeFile.read(library.currentPath(), "PyInit_" + module).requireExtensionModule(module);
    }

    /** The ffi.py of cffi bindings, generated by the target interpreter's cffi from the crate's C header. */
    private byte[] cffiDeclarations(StagingManifest manifest, ResolvedProject project, WheelTargets.Target target)
            throws BuildException, ProjectException {
        StagedArtifact library = manifest.artifacts().get(WheelPlan.firstCdylib(manifest));
        NativeFile.read(library.currentPath(), null).requireNoLibpython();
        if (project.metadata().coreMetadata().render().lines()
                .noneMatch(line -> line.matches("(?i)Requires-Dist: cffi\\b.*"))) {
            log.warn("The cffi bindings' ffi.py imports cffi's backend at run time, but the project does not"
                    + " depend on cffi: add it to [project] dependencies in pyproject.toml (dependencies ="
                    + " [\"cffi\"]), or installs without cffi fail on import, as maturin warns too");
        }
        return new CffiDeclarations(log).generate(target.python().executable(), manifest.crate().directory(),
                manifest.crate().targetDirectory(), cffiDirectory, project.bindingsReason());
    }

    /** RECORD spells digests in URL-safe base64; the manifest, like sha256sum, in hex. */
    private static String hex(String urlSafeBase64) {
        return HexFormat.of().formatHex(Base64.getUrlDecoder().decode(urlSafeBase64));
    }
}
