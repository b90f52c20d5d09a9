package dev.rustwheel.goals.compile;

import dev.rustwheel.process.ProcessRunner;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Points PyO3's build script at the interpreter the wheel is built for. Without {@code PYO3_PYTHON} it would pick
 * whichever {@code python3} PATH names, and rerun whenever PATH changes; with an absolute path a later plain
 * {@code cargo build} given the same value finds everything fresh.
 */
public final class Pyo3Python {

    public static final String VARIABLE = "PYO3_PYTHON";
    /** PyO3 0.26 and later read it instead of the extension-module feature, to leave libpython unlinked. */
    static final String EXTENSION_MODULE = "PYO3_BUILD_EXTENSION_MODULE";

    private Pyo3Python() {
    }

    /**
     * {@code configured} plus {@code PYO3_PYTHON} set to {@code interpreter}, located as the probe starts it; the
     * user's own {@code PYO3_PYTHON} wins. Set whether or not the crate uses PyO3, which is known only once cargo ran;
     * other crates' builds do not read it.
     */
    public static Map<String, String> environment(Map<String, String> configured, String interpreter) {
        Map<String, String> environment = new HashMap<>(configured);
        if (!environment.containsKey(VARIABLE)) {
            Optional<Path> located = ProcessRunner.locate(interpreter);
            environment.put(VARIABLE, located.isPresent() ? located.get().toString() : interpreter);
        }
        return environment;
    }

    /**
     * {@code environment} plus {@code PYO3_BUILD_EXTENSION_MODULE=1} where the crate builds a cdylib, as maturin sets
     * it for extension modules; the user's own value wins. Executables keep linking libpython, which they need.
     */
    static Map<String, String> forExtensionModule(Map<String, String> environment, boolean buildsCdylib) {
        if (!buildsCdylib || environment.containsKey(EXTENSION_MODULE)) {
            return environment;
        }
        Map<String, String> withFlag = new HashMap<>(environment);
        withFlag.put(EXTENSION_MODULE, "1");
        return withFlag;
    }
}
