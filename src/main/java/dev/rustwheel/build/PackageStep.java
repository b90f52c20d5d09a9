package dev.rustwheel.build;

import dev.rustwheel.binary.elf.ElfFile;
import dev.rustwheel.binary.elf.ElfFormatException;
import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.python.InterpreterProbe;
import dev.rustwheel.python.InterpreterProbeException;
import dev.rustwheel.python.PythonInterpreter;
import dev.rustwheel.staging.FaultPoints;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.wheel.CoreMetadata;
import dev.rustwheel.wheel.EntryContent;
import dev.rustwheel.wheel.ExtensionModuleLayout;
import dev.rustwheel.wheel.RecordRow;
import dev.rustwheel.wheel.WheelEntry;
import dev.rustwheel.wheel.WheelInfo;
import dev.rustwheel.wheel.WheelName;
import dev.rustwheel.wheel.WheelTag;
import dev.rustwheel.wheel.WheelWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code package} goal: writes the wheel from the staged artifacts. Whatever goes wrong, cargo's outputs are
 * given back before the failure is reported, so a failed build loses nothing.
 */
public final class PackageStep {

    private final ModuleState state;
    private final BuildLog log;

    public PackageStep(Path buildDirectory, BuildLog log) {
        this.state = new ModuleState(buildDirectory, log);
        this.log = log;
    }

    public WheelResult run(PackageConfig config) throws BuildException {
        StagingManifest manifest = state.require("package");
        WheelResult wheel;
        try {
            wheel = write(manifest, config);
        } catch (BuildException | RuntimeException e) {
            state.restoreAfter(e);
            throw e;
        }
        if (config.finalizeAfterwards()) {
            state.restore(state.require("package"));
        }
        return wheel;
    }

    private WheelResult write(StagingManifest manifest, PackageConfig config) throws BuildException {
        int index = extensionModuleIndex(manifest);
        StagedArtifact library = manifest.artifacts().get(index);
        String module = library.name();
        requireInitFunction(library.currentPath(), module);
        PythonInterpreter python = probe(config);
        ProjectMetadata metadata = ProjectMetadata.resolve(config.pyproject(), manifest.crate());
        WheelTag tag = WheelTag.forInterpreter(python);
        Path file = config.wheelDirectory().resolve(WheelName.fileName(metadata.name(), metadata.version(), tag));
        List<WheelEntry> payload = ExtensionModuleLayout.entries(module, python.extSuffix(),
                EntryContent.ofFile(library.currentPath()));
        String distInfo = WheelName.distInfoDirectory(metadata.name(), metadata.version());
        List<RecordRow> rows;
        try {
            WheelWriter writer = new WheelWriter(config.entryTime(),
                    entry -> FaultPoints.reach(FaultPoints.WHEEL_AFTER_ENTRY));
            rows = writer.write(file, distInfo, payload, List.of(
                    new WheelEntry(CoreMetadata.FILE_NAME, bytes(metadata.coreMetadata().render()), false),
                    new WheelEntry(WheelInfo.FILE_NAME, bytes(new WheelInfo(config.generatorVersion(), List.of(tag))
                            .render()), false)));
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot write " + file + ": " + e, e);
        }
        log.info("Built wheel " + file);
        String modulePath = ExtensionModuleLayout.modulePath(module, python.extSuffix());
        String digest = rows.stream().filter(r -> r.path().equals(modulePath)).findFirst().orElseThrow().sha256();
        state.write(manifest.withArtifact(index, a -> a.withSha256(hex(digest))));
        return new WheelResult(file, tag.toString());
    }

    private static EntryContent bytes(String text) {
        return EntryContent.ofBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** RECORD spells digests in URL-safe base64; the manifest, like sha256sum, in hex. */
    private static String hex(String urlSafeBase64) {
        return HexFormat.of().formatHex(Base64.getUrlDecoder().decode(urlSafeBase64));
    }

    private static int extensionModuleIndex(StagingManifest manifest) throws BuildException {
        List<StagedArtifact> artifacts = manifest.artifacts();
        for (int i = 0; i < artifacts.size(); i++) {
            if (artifacts.get(i).kind().equals("cdylib")) {
                return i;
            }
        }
        throw BuildException.userError("The crate " + manifest.crate().manifestPath() + " builds no cdylib, only "
                + artifacts.stream().map(a -> a.kind() + " " + a.name()).toList() + "; wheels of bin targets are not"
                + " supported yet. Add [lib] crate-type = [\"cdylib\"] to Cargo.toml to build an extension module.",
                null);
    }

    private static void requireInitFunction(Path library, String module) throws BuildException {
        String init = "PyInit_" + module;
        try (ElfFile elf = ElfFile.open(library)) {
            if (!elf.exportsSymbol(init)) {
                throw BuildException.userError(library + " exports no " + init + ", so Python cannot import it as"
                        + " module '" + module + "'. Define the module with PyO3's #[pymodule] fn " + module
                        + "(…), or export #[no_mangle] pub extern \"C\" fn " + init + "(); the module name is the"
                        + " [lib] name in Cargo.toml.", null);
            }
        } catch (ElfFormatException e) {
            throw BuildException.userError(e.getMessage(), e);
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot read " + library + ": " + e, e);
        }
    }

    private static PythonInterpreter probe(PackageConfig config) throws BuildException {
        try {
            return new InterpreterProbe(new ProcessRunner(command -> { })).probe(config.pythonExecutable(),
                    config.wheelDirectory().getParent());
        } catch (InterpreterProbeException e) {
            throw BuildException.userError("Cannot probe the Python interpreter '" + config.pythonExecutable()
                    + "': " + e.getMessage() + ". Set pythonExecutable (property rustwheel.pythonExecutable) to a"
                    + " CPython 3 interpreter.", e);
        }
    }
}
