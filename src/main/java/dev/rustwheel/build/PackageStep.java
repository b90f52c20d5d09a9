package dev.rustwheel.build;

import dev.rustwheel.binary.elf.ElfFile;
import dev.rustwheel.binary.elf.ElfFormatException;
import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.python.InterpreterProbe;
import dev.rustwheel.python.InterpreterProbeException;
import dev.rustwheel.python.PythonInterpreter;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import java.io.IOException;
import java.nio.file.Path;
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
        ExtensionWheel wheel = new ExtensionWheel(metadata, python, module, library.currentPath(), config);
        WheelResult result = wheel.write();
        log.info("Built wheel " + result.file());
        state.write(manifest.withArtifact(index, a -> a.withSha256(wheel.moduleDigest())));
        return result;
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
