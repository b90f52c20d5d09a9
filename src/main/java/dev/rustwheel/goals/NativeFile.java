package dev.rustwheel.goals;

import dev.rustwheel.binary.BinaryFileException;
import dev.rustwheel.binary.elf.ElfFile;
import dev.rustwheel.binary.macho.DylibReference;
import dev.rustwheel.binary.macho.MachOFile;
import dev.rustwheel.binary.pe.PeFile;
import dev.rustwheel.goals.repair.NativeFormat;
import dev.rustwheel.project.Bindings;
import dev.rustwheel.staging.StagedArtifact;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a staged native file says about how it meets Python, read once from its headers (ELF, PE or Mach-O): whether it exports
 * the module's init function and whether it links libpython. An extension module must take the interpreter's
 * symbols from the interpreter that imports it, so linking libpython is refused; an executable may embed the
 * interpreter, and is then tied to that interpreter's version.
 */
public final class NativeFile {

    private final Path file;
    private final boolean exportsInit;
    private final Optional<String> libpython;

    private NativeFile(Path file, boolean exportsInit, Optional<String> libpython) {
        this.file = file;
        this.exportsInit = exportsInit;
        this.libpython = libpython;
    }

    /**
     * Reads an ELF, PE or Mach-O file. A Windows extension module links the interpreter's DLL by design, so only
     * ELF and Mach-O are asked about libpython; Mach-O's export trie is not read, so a macOS module missing its
     * init function is left for Python's import to report.
     *
     * @param initFunction the symbol to look for, {@code PyInit_<module>}, or null for an executable
     */
    public static NativeFile read(Path file, String initFunction) throws BuildException {
        try {
            NativeFormat format = NativeFormat.of(file).orElse(NativeFormat.ELF); // the ELF reader names what is wrong
            return switch (format) {
                case ELF -> {
                    try (ElfFile elf = ElfFile.open(file)) {
                        Optional<String> libpython = elf.dynamicSection().needed().stream()
                                .filter(NativeFile::isLibpython).findFirst();
                        yield new NativeFile(file, initFunction != null && elf.exportsSymbol(initFunction), libpython);
                    }
                }
                case PE -> new NativeFile(file, initFunction != null && PeFile.exportsSymbol(file, initFunction),
                        Optional.empty());
                case MACHO -> new NativeFile(file, initFunction != null, MachOFile.read(file).slices().stream()
                        .flatMap(slice -> slice.dylibs().stream()).map(DylibReference::installName)
                        .filter(name -> isLibpython(name.substring(name.lastIndexOf('/') + 1))
                                || name.contains("Python.framework/")).findFirst());
            };
        } catch (BinaryFileException e) {
            throw BuildException.userError(e.getMessage(), e);
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot read " + file + ": " + e, e);
        }
    }

    public static boolean isLibpython(String soname) {
        return soname.startsWith("libpython");
    }

    /** The libpython it needs ({@code libpython3.11.so.1.0}), if any. */
    public Optional<String> libpython() {
        return libpython;
    }

    /**
     * Whether {@code cdylib} exports {@code PyInit_<module>}: for a crate without PyO3, what tells a hand-written
     * extension module from cffi bindings.
     */
    public static boolean exportsInit(StagedArtifact cdylib, String module) throws BuildException {
        return read(cdylib.currentPath(), "PyInit_" + module).exportsInit;
    }

    /** {@link #exportsInit} as the project resolution asks it; a class, as a method reference costs one anyway. */
    public static final Bindings.InitExport<BuildException> INIT_EXPORT = new Bindings.InitExport<>() {
        @Override
        public boolean exports(StagedArtifact cdylib, String module) throws BuildException {
            return exportsInit(cdylib, module);
        }
    };

    /** Refuses a library that would load a second interpreter into the one that loads it. */
    public void requireNoLibpython() throws BuildException {
        if (libpython.isPresent()) {
            throw BuildException.userError("Your library links libpython (" + libpython.get() + "), which libraries"
                    + " must not do: " + file + " would load a second copy of the interpreter into the one that"
                    + " imports it. Build it as an extension module: with PyO3 before 0.26 enable its"
                    + " extension-module feature (pyo3 = { features = [\"extension-module\"] }) and drop"
                    + " auto-initialize; PyO3 0.26 and later read PYO3_BUILD_EXTENSION_MODULE, which the compile"
                    + " goal sets.", null);
        }
    }

    /** Refuses an extension module Python cannot import, or that would load a second interpreter into the first. */
    public void requireExtensionModule(String module) throws BuildException {
        requireNoLibpython();
        if (!exportsInit) {
            String init = "PyInit_" + module;
            throw BuildException.userError(file + " exports no " + init + ", so Python cannot import it as"
                    + " module '" + module + "'. Define the module with PyO3's #[pymodule] fn " + module
                    + "(…), or export #[no_mangle] pub extern \"C\" fn " + init + "(); the module name is the"
                    + " [lib] name in Cargo.toml. For a C API loaded through cffi, set bindings to cffi.", null);
        }
    }
}
