package dev.rustwheel.audit.linux;

import java.nio.file.Path;
import java.util.List;

/**
 * One symbol version a file requires of a library, with the symbols that bind to it.
 *
 * @param version {@code GLIBC_2.34}
 * @param library the library that must define it, {@code libc.so.6}
 * @param file    the file that requires it
 * @param symbols the imported symbols carrying this version, e.g. {@code __libc_start_main}
 */
public record VersionUse(String version, String library, Path file, List<String> symbols) {

    public VersionUse {
        symbols = List.copyOf(symbols);
    }

    /** {@code GLIBC} of {@code GLIBC_2.34}: the part policies group versions by. */
    public String prefix() {
        int underscore = version.indexOf('_');
        return underscore < 0 ? version : version.substring(0, underscore);
    }

    /** {@code GLIBC_2.34 (libc.so.6: __libc_start_main, pthread_key_create; needed by /x/libdemo.so)}. */
    public String describe() {
        String which = symbols.isEmpty() ? library : library + ": " + String.join(", ", symbols);
        return version + " (" + which + "; needed by " + file + ")";
    }
}
