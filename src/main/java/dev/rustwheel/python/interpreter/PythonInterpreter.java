package dev.rustwheel.python.interpreter;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Python interpreter reported about itself, and the wheel tags an extension module built for it needs.
 *
 * @param executable     the interpreter's own idea of its path ({@code sys.executable})
 * @param implementation {@code sys.implementation.name}, such as {@code cpython}
 * @param major          {@code sys.version_info[0]}
 * @param minor          {@code sys.version_info[1]}
 * @param extSuffix      the file name suffix of extension modules, such as {@code .cpython-311-x86_64-linux-gnu.so}
 * @param soabi          the SOABI config variable, such as {@code cpython-311-x86_64-linux-gnu}; absent on Windows
 *                       before CPython 3.13
 * @param platform       {@code sysconfig.get_platform()}, such as {@code linux-x86_64} or {@code macosx-11.0-arm64}
 * @param pointerSize    the size of a C pointer in bytes, telling a 32-bit from a 64-bit interpreter
 */
public record PythonInterpreter(
        String executable,
        String implementation,
        int major,
        int minor,
        String extSuffix,
        Optional<String> soabi,
        String platform,
        int pointerSize) {

    /** The ABI part of SOABI: {@code cpython-313t-…} or (on Windows) {@code cp313t-…} yield {@code 313t}. */
    private static final Pattern SOABI_ABI = Pattern.compile("(?:cpython-|cp)([0-9]+[a-z]*)(?:-.*)?");

    /** The interpreter tag, {@code cp311}; free-threaded and debug builds share it with the default build. */
    public String pythonTag() {
        return "cp" + major + minor;
    }

    /**
     * The ABI tag, {@code cp311}, carrying the build flags SOABI shows ({@code cp313t} for free-threaded,
     * {@code cp311d} for debug builds). Without SOABI (older Windows CPython) the default build is assumed.
     */
    public String abiTag() {
        Matcher matcher = SOABI_ABI.matcher(soabi.orElse(""));
        return matcher.matches() ? "cp" + matcher.group(1) : pythonTag();
    }

    /** The platform tag of a wheel built for this interpreter as is, before any manylinux or macOS repair. */
    public String platformTag() {
        return platform.replace('-', '_').replace('.', '_');
    }
}
