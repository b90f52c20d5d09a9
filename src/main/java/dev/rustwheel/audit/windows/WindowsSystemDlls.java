package dev.rustwheel.audit.windows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The DLLs a Windows wheel never carries, as delvewheel decides: those present on every Windows 7 SP1+ system of
 * the architecture (its bundled lists), API sets, the interpreter's own DLL, and the Visual C++ runtime that
 * CPython ships beside itself.
 */
public final class WindowsSystemDlls {

    /** API sets (Windows resolves them), the interpreters' own DLLs, and combase (present since Windows 8). */
    private static final Pattern ALWAYS_PRESENT = Pattern.compile(
            "api-.*|python[0-9]+t?(_d)?\\.dll|libpypy([0-9]+\\.)*[0-9]+-c\\.dll|python-native\\.dll|combase\\.dll");
    /** CPython 3.5–3.8 ship vcruntime140.dll only; 3.9+ on 64-bit also vcruntime140_1.dll. */
    private static final Pattern BEFORE_39 = Pattern.compile("cp3[5-8].*|pp3[6-8].*");
    private static final Map<String, Set<String>> BY_ARCHITECTURE = new ConcurrentHashMap<>();

    private WindowsSystemDlls() {
    }

    /**
     * @param architecture {@code amd64}, {@code x86} or {@code arm64}
     * @param pythonTag    the wheel's Python tag ({@code cp312}), if known: it decides which runtime DLLs the
     *                     interpreter brings
     */
    public static boolean isSystem(String dll, String architecture, Optional<String> pythonTag) {
        String name = dll.toLowerCase(Locale.ROOT);
        if (ALWAYS_PRESENT.matcher(name).matches() || names(architecture).contains(name)) {
            return true;
        }
        if (name.equals("vcruntime140.dll")) {
            return true;
        }
        return name.equals("vcruntime140_1.dll") && !architecture.equals("x86")
                && pythonTag.map(t -> !BEFORE_39.matcher(t).matches()).orElse(true);
    }

    private static Set<String> names(String architecture) {
        return BY_ARCHITECTURE.computeIfAbsent(architecture, a -> {
            Set<String> names = new HashSet<>();
            read("common", names);
            if (Set.of("x86", "amd64", "arm64").contains(a)) {
                read(a, names);
            }
            return Set.copyOf(names);
        });
    }

    private static void read(String list, Set<String> into) {
        String resource = "system-dlls-" + list + ".txt";
        try (InputStream in = WindowsSystemDlls.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the plugin jar lacks " + resource);
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(into::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
