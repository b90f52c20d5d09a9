package dev.rustwheel.goals.packaging;

import dev.rustwheel.goals.BuildException;
import dev.rustwheel.project.Bindings;
import dev.rustwheel.python.interpreter.PythonInterpreter;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.wheel.WheelTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which of the configured interpreters get a wheel of their own. The staged artifact was built once; where it does
 * not depend on the interpreter (a hand-written {@code PyInit_*}, the stable ABI, executables) each distinct tag gets
 * a wheel from the same bytes. A version-specific PyO3 build only fits the interpreter cargo built it for.
 */
public final class WheelTargets {

    private WheelTargets() {
    }

    /**
     * One wheel to write: the interpreter it is for and its tag.
     *
     * @param abi3Minor the stable ABI's minimum CPython 3 minor version, or empty for a version-specific build
     */
    record Target(PythonInterpreter python, WheelTag tag, Optional<Integer> abi3Minor) {
    }

    /**
     * @param interpreters     the probed interpreters, the one cargo built for first
     * @param auditedPlatforms the platform tags the audit proved; empty where none ran
     * @return one target per distinct wheel tag, for the first configured interpreter of each
     * @throws BuildException when a version-specific PyO3 build is asked to serve several Python versions
     */
    static List<Target> select(Bindings bindings, StagingManifest manifest,
                                          List<PythonInterpreter> interpreters, List<String> auditedPlatforms)
            throws BuildException {
        // a bare abi3 feature targets the version of the interpreter cargo built for
        Optional<Integer> abi3 = bindings == Bindings.EXTENSION
                ? Bindings.abi3MinorVersion(manifest, interpreters.get(0).minor()) : Optional.empty();
        Map<WheelTag, PythonInterpreter> byTag = new LinkedHashMap<>();
        for (PythonInterpreter python : interpreters) {
            byTag.putIfAbsent(TagSelection.select(bindings, abi3, python, auditedPlatforms), python);
        }
        List<Target> targets = new ArrayList<>();
        for (Map.Entry<WheelTag, PythonInterpreter> tagged : byTag.entrySet()) {
            targets.add(new Target(tagged.getValue(), tagged.getKey(), abi3));
        }
        if (byTag.size() > 1 && versionSpecificPyo3(bindings, manifest, abi3)) {
            throw BuildException.userError(manifest.crate().manifestPath() + " uses "
                    + pyo3Crates(manifest) + " without the stable ABI, so its one cargo build (for "
                    + interpreters.get(0).executable() + ") serves one Python version, but pythonExecutables"
                    + " names " + byTag.size() + ": " + describe(byTag.values()) + ". Enable pyo3's abi3 feature"
                    + " (for example abi3-py3" + interpreters.stream().mapToInt(PythonInterpreter::minor).min()
                    .orElseThrow() + ") to build one wheel for all of them, or configure one execution per"
                    + " interpreter, each with its own pythonExecutable.",
                    null);
        }
        return targets;
    }

    private static boolean versionSpecificPyo3(Bindings bindings, StagingManifest manifest, Optional<Integer> abi3) {
        return bindings == Bindings.EXTENSION && abi3.isEmpty() && !pyo3Crates(manifest).isEmpty();
    }

    private static String pyo3Crates(StagingManifest manifest) {
        return manifest.crate().bindingCrates().keySet().stream()
                .filter(c -> c.equals("pyo3") || c.equals("pyo3-ffi")).sorted().collect(Collectors.joining(" and "));
    }

    private static String describe(Iterable<PythonInterpreter> interpreters) {
        List<String> names = new ArrayList<>();
        interpreters.forEach(p -> names.add(p.major() + "." + p.minor() + " (" + p.executable() + ")"));
        return String.join(", ", names);
    }
}
