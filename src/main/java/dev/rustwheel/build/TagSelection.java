package dev.rustwheel.build;

import dev.rustwheel.python.PythonInterpreter;
import dev.rustwheel.wheel.WheelTag;
import java.util.Optional;

/**
 * The one place that decides a wheel's {@code python-abi-platform} tag. The platform comes from the interpreter
 * as it is; an audit that proves a manylinux or musllinux policy will supply it instead.
 */
final class TagSelection {

    private TagSelection() {
    }

    /**
     * @param abi3Minor the stable ABI's minimum CPython 3 minor version, or empty for a version-specific build
     */
    static WheelTag select(Bindings bindings, Optional<Integer> abi3Minor, PythonInterpreter python) {
        String platform = python.platformTag();
        if (bindings == Bindings.BIN) {
            // executables work with any Python on the platform; pip only needs the platform to match
            return new WheelTag("py3", "none", platform);
        }
        if (abi3Minor.isPresent()) {
            return new WheelTag("cp3" + abi3Minor.get(), "abi3", platform);
        }
        return WheelTag.forInterpreter(python);
    }

    /**
     * The file name suffix of the extension module: the interpreter's {@code EXT_SUFFIX}, or for a stable ABI build
     * {@code .abi3.so} ({@code .pyd} on Windows, where the stable ABI has no marker in the name).
     */
    static String extensionSuffix(Optional<Integer> abi3Minor, PythonInterpreter python) {
        String suffix = python.extSuffix();
        if (abi3Minor.isEmpty()) {
            return suffix;
        }
        String extension = suffix.substring(suffix.lastIndexOf('.'));
        return extension.equals(".pyd") ? extension : ".abi3" + extension;
    }
}
