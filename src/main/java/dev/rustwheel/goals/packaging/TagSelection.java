package dev.rustwheel.goals.packaging;

import dev.rustwheel.project.Bindings;
import dev.rustwheel.python.interpreter.PythonInterpreter;
import dev.rustwheel.wheel.WheelTag;
import java.util.List;
import java.util.Optional;

/**
 * The one place that decides a wheel's {@code python-abi-platform} tag. The platform tags come from the audit
 * (the repair goal) where it ran, else from the interpreter as it is.
 */
public final class TagSelection {

    private TagSelection() {
    }

    /**
     * @param abi3Minor        the stable ABI's minimum CPython 3 minor version, or empty for a version-specific build
     * @param auditedPlatforms the platform tags the audit proved, most compatible first; empty where none ran
     */
    static WheelTag select(Bindings bindings, Optional<Integer> abi3Minor, PythonInterpreter python,
                           List<String> auditedPlatforms) {
        String platform = auditedPlatforms.isEmpty() ? python.platformTag() : String.join(".", auditedPlatforms);
        if (bindings == Bindings.BIN || bindings == Bindings.CFFI) {
            // executables and cffi's C libraries work with any Python on the platform; pip only needs the platform
            // to match
            return new WheelTag("py3", "none", platform);
        }
        if (abi3Minor.isPresent()) {
            return new WheelTag("cp3" + abi3Minor.get(), "abi3", platform);
        }
        return new WheelTag(python.pythonTag(), python.abiTag(), platform);
    }

    /**
     * The file name suffix of the extension module: the interpreter's {@code EXT_SUFFIX}, or for a stable ABI build
     * {@code .abi3.so} ({@code .pyd} on Windows, where the stable ABI has no marker in the name). A module built for
     * another platform than the interpreter's (a cross target) gets the suffix CPython looks for there:
     * {@code .cp311-win_amd64.pyd}, {@code .cpython-311-darwin.so}, or on Linux for another architecture the
     * plain {@code .so} every CPython on Linux imports.
     *
     * @param auditedPlatforms the platform tags the audit proved; empty where none ran
     */
    static String extensionSuffix(Optional<Integer> abi3Minor, PythonInterpreter python,
            List<String> auditedPlatforms) {
        String platform = auditedPlatforms.isEmpty() ? python.platformTag() : auditedPlatforms.get(0);
        boolean cpython = python.implementation().equals("cpython");
        String abi = python.abiTag().substring(2); // 311, 313t
        if (platform.startsWith("win")) {
            return abi3Minor.isEmpty() && cpython ? ".cp" + abi + "-" + platform + ".pyd" : ".pyd";
        }
        if (platform.startsWith("macosx") && !python.platformTag().startsWith("macosx")) {
            return abi3Minor.isPresent() ? ".abi3.so" : cpython ? ".cpython-" + abi + "-darwin.so" : ".so";
        }
        if (!architecture(platform).equals(architecture(python.platformTag()))) {
            return abi3Minor.isPresent() ? ".abi3.so" : ".so";
        }
        String suffix = python.extSuffix();
        if (abi3Minor.isEmpty()) {
            return suffix;
        }
        String extension = suffix.substring(suffix.lastIndexOf('.'));
        return extension.equals(".pyd") ? extension : ".abi3" + extension;
    }

    /** {@code manylinux_2_17_x86_64}, {@code manylinux2014_x86_64}, {@code linux_x86_64} → {@code x86_64}. */
    private static String architecture(String platform) {
        return platform.replaceFirst("^(many|musl)linux_[0-9]+_[0-9]+_|^manylinux[0-9]+_|^linux_|^macosx_[0-9]+_[0-9]+_",
                "");
    }
}
