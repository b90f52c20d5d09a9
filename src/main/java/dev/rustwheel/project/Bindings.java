package dev.rustwheel.project;

import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.project.pyproject.PyprojectFile;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the crate reaches Python: as a native extension module (PyO3, pyo3-ffi or a hand-written
 * {@code PyInit_<module>}), as cffi bindings (a C API that cffi's generated {@code ffi.py} loads), or as executables
 * installed as scripts. Detected as maturin does, from the binding crates cargo built and the artifacts the crate
 * produced, unless the project says which; a cdylib exporting {@code PyInit_<module>} without PyO3 is an extension
 * module here, where maturin would take it for cffi.
 */
public enum Bindings {
    EXTENSION,
    CFFI,
    BIN;

    /** Whether the built cdylib exports {@code PyInit_<module>}; read from the binary by the caller. */
    @FunctionalInterface
    public interface InitExport<E extends Exception> {
        boolean exports(StagedArtifact cdylib, String module) throws E;
    }

    private static final Pattern ABI3_MINOR = Pattern.compile("abi3-py3(\\d+)");

    /**
     * The bindings the POM ({@code pom}) or else pyproject.toml ask for, detected where neither does.
     *
     * @param module     the native module's name (the last part of module-name), for detecting cffi
     * @param initExport tells whether the cdylib exports {@code PyInit_<module>}
     */
    public static <E extends Exception> Bindings of(MaturinSettings pom, PyprojectFile pyproject,
            StagingManifest manifest, String module, InitExport<E> initExport) throws ProjectException, E {
        String requested = pom.bindings() != null ? pom.bindings() : pyproject.maturin().string("bindings");
        return select(requested, pom.bindings() != null ? "parameter bindings"
                : pyproject.maturin().where("bindings"), manifest, module, initExport);
    }

    /**
     * The bindings a configured value asks for, checked before anything is built.
     *
     * @param where where {@code requested} comes from, for the message: a parameter with its property and source,
     *              or pyproject.toml's table and key
     */
    public static Bindings requested(String requested, String where) throws ProjectException {
        return switch (requested) {
            case "pyo3", "pyo3-ffi" -> EXTENSION;
            case "cffi" -> CFFI;
            case "bin" -> BIN;
            case "uniffi" -> throw notSupported(requested, where);
            default -> throw ProjectException.userError(where + " = '" + requested + "' is not a binding type."
                    + " Use pyo3, pyo3-ffi, cffi or bin (uniffi is not supported yet).", null);
        };
    }

    /**
     * The bindings the POM or else {@code [tool.maturin] bindings} ask for, checked before anything is built; empty
     * where neither does (detected after the build).
     */
    public static Optional<Bindings> checkRequested(MaturinSettings pom, PyprojectFile pyproject)
            throws ProjectException {
        if (pom.bindings() != null) {
            return Optional.of(requested(pom.bindings(), "parameter bindings"));
        }
        String requested = pyproject.maturin().string("bindings");
        return requested == null ? Optional.empty()
                : Optional.of(requested(requested, pyproject.maturin().where("bindings")));
    }

    /**
     * @param requested {@code bindings} from the POM or {@code [tool.maturin]}, or null to detect
     * @param where     where {@code requested} comes from, for messages
     */
    public static <E extends Exception> Bindings select(String requested, String where, StagingManifest manifest,
            String module, InitExport<E> initExport) throws ProjectException, E {
        Map<String, List<String>> crates = manifest.crate().bindingCrates();
        if (requested != null) {
            return requested(requested, where);
        }
        boolean pyo3 = crates.containsKey("pyo3") || crates.containsKey("pyo3-ffi");
        if (crates.containsKey("uniffi") && !pyo3) {
            throw notSupported("uniffi", manifest.crate().manifestPath() + " depends on uniffi, so its bindings");
        }
        Optional<StagedArtifact> cdylib = first(manifest.artifacts(), ArtifactKind.CDYLIB);
        if (cdylib.isPresent()) {
            // a C API without PyO3: maturin's cffi; a hand-written PyInit_<module> stays an extension module
            return pyo3 || initExport.exports(cdylib.get(), module) ? EXTENSION : CFFI;
        }
        if (has(manifest.artifacts(), ArtifactKind.BIN)) {
            return BIN;
        }
        throw ProjectException.userError(manifest.crate().manifestPath() + " builds neither a cdylib nor a bin."
                + " Add [lib] crate-type = [\"cdylib\"] for an extension module, or a [[bin]] target.", null);
    }

    private static boolean has(List<StagedArtifact> artifacts, ArtifactKind kind) {
        return first(artifacts, kind).isPresent();
    }

    /** The first artifact of {@code kind}; a loop, where a stream's lambda would cost repair and package a class. */
    static Optional<StagedArtifact> first(List<StagedArtifact> artifacts, ArtifactKind kind) {
        for (StagedArtifact artifact : artifacts) {
            if (artifact.kind() == kind) {
                return Optional.of(artifact);
            }
        }
        return Optional.empty();
    }

    private static ProjectException notSupported(String bindings, String where) {
        return ProjectException.userError(where + " = '" + bindings + "': " + bindings + " bindings are not supported"
                + " yet. Build the module with PyO3 (bindings = \"pyo3\"), or keep building this crate with maturin.",
                null);
    }

    /**
     * The oldest CPython minor version (3.x) the stable ABI build targets: the lowest {@code abi3-py3X} feature of
     * pyo3 or pyo3-ffi (each enables the ones above it), or {@code interpreterMinor} for a bare {@code abi3}.
     * Empty when the build does not use the stable ABI.
     */
    public static Optional<Integer> abi3MinorVersion(StagingManifest manifest, int interpreterMinor) {
        Integer lowest = null;
        boolean abi3 = false;
        for (String crate : List.of("pyo3", "pyo3-ffi")) {
            for (String feature : manifest.crate().bindingCrates().getOrDefault(crate, List.of())) {
                abi3 |= feature.equals("abi3") || feature.startsWith("abi3-py");
                Matcher m = ABI3_MINOR.matcher(feature);
                if (m.matches()) {
                    int minor = Integer.parseInt(m.group(1));
                    lowest = lowest == null ? minor : Math.min(lowest, minor);
                }
            }
        }
        if (!abi3) {
            return Optional.empty();
        }
        return Optional.of(lowest != null ? lowest : interpreterMinor);
    }
}
