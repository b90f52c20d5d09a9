package dev.rustwheel.project;

import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.wheel.CffiModuleLayout;
import dev.rustwheel.wheel.ExtensionModuleLayout;
import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The files a wheel installs, laid out as maturin lays them out:
 * <ul>
 * <li>pure: only the native module, as {@code <module>/<module><EXT_SUFFIX>} with a generated {@code __init__.py}
 *     (and {@code <module>.pyi} beside pyproject.toml as {@code __init__.pyi} plus {@code py.typed});</li>
 * <li>mixed: a Python package {@code <python-source>/<top>/} shipped as it is, the native module placed where the
 *     (possibly dotted) module name says, {@code pkg._native} → {@code pkg/_native<EXT_SUFFIX>};</li>
 * <li>cffi bindings: a package of their own, {@code <module>/} (pure) or {@code pkg/<module>/} inside the Python
 *     package (mixed), holding the library, {@code ffi.py} and {@code __init__.py};</li>
 * <li>{@code python-packages}, {@code include} globs, the {@code data} directory and bin executables, which go to
 *     {@code <dist>-<version>.data/scripts/} (or, needing grafted libraries, to {@code <dist>.scripts/} behind a
 *     shim).</li>
 * </ul>
 * {@code exclude} globs, {@code __pycache__} and {@code *.pyc} never reach the wheel; native files are never excluded.
 */
public final class PythonLayout {

    private static final Set<String> DATA_SCHEMES = Set.of("data", "scripts", "headers", "purelib", "platlib");

    /** The native part of the wheel. */
    public sealed interface Native permits Extension, Cffi {
        EntryContent library();
    }

    /** The native extension module's bytes and its file name suffix. */
    public record Extension(EntryContent library, String suffix) implements Native {
    }

    /**
     * cffi bindings: the shared library, its name in the wheel ({@code libdemo.so}) and the {@code ffi.py} cffi
     * generated for it.
     */
    public record Cffi(EntryContent library, String libraryFileName, byte[] declarations) implements Native {
    }

    /**
     * A bin target, installed as a command: straight into the scripts directory, or, when it needs grafted
     * libraries, into {@code besideLibraries} ({@code <dist>.scripts}) with a {@link ScriptShim} as the command.
     */
    public record Executable(String name, EntryContent content, Optional<String> besideLibraries) {

        public Executable(String name, EntryContent content) {
            this(name, content, Optional.empty());
        }

        /** @param scriptsDirectory the layout's {@code <dist>.scripts} */
        public static Executable besideGraftedLibraries(String scriptsDirectory, String name, EntryContent content) {
           return new Executable(name, content, Optional.of(scriptsDirectory));
        }

        /** Where the executable's own bytes go in the wheel. */
        public String archivePath(String dataDirectory) {
            return besideLibraries.orElse(dataDirectory + "/scripts") + "/" + name;
        }
    }

    private final ProjectPaths paths;
    private final MaturinSettings settings;
    private final List<PathMatcher> excludes = new ArrayList<>();
    private final Map<String, WheelEntry> entries = new LinkedHashMap<>();
    private final Map<String, Path> sources = new LinkedHashMap<>();

    private final Consumer<String> warnings;

    private PythonLayout(ProjectPaths paths, MaturinSettings settings, Consumer<String> warnings) {
        this.paths = paths;
        this.settings = settings;
        this.warnings = warnings;
        for (String exclude : settings.exclude() == null ? List.<String>of() : settings.exclude()) {
            excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + exclude.replace('\\', '/')));
        }
    }

    /**
     * @param moduleName     the import name of the native module or of the package beside the executables
     * @param dataDirectory  {@code <dist>-<version>.data}
     * @param warnings       receives what was done differently from what a strict reading would do
     */
    public static List<WheelEntry> entries(ProjectPaths paths, MaturinSettings settings, String moduleName,
                                    String dataDirectory, Optional<? extends Native> extension,
                                    List<Executable> executables, Consumer<String> warnings) throws ProjectException {
        PythonLayout layout = new PythonLayout(paths, settings, warnings);
        layout.collect(moduleName, dataDirectory, extension, executables);
        return new ArrayList<>(layout.entries.values());
    }

    private void collect(String moduleName, String dataDirectory, Optional<? extends Native> extension,
                         List<Executable> executables) throws ProjectException {
        requireImportName(moduleName, "module-name");
        List<String> parts = Arrays.asList(moduleName.split("\\.", -1));
        Path sourceRoot = sourceRoot(paths, settings);
        // an explicit python-source outside the project (a monorepo's ../python) is the user's choice, as in
        // maturin; its files are then kept inside that directory instead
        ProjectPaths sourcePaths = sourceRoot.startsWith(paths.root()) ? paths : new ProjectPaths(sourceRoot);
        if (sourcePaths != paths) {
            warnings.accept("python-source = '" + settings.pythonSource() + "' lies outside the project directory "
                    + paths.root() + "; shipping the Python package from " + sourceRoot + " as maturin does");
        }
        Path topPackage = sourceRoot.resolve(parts.get(0));
        sourcePaths.requireInside(topPackage, "module-name = '" + moduleName + "'");
        boolean mixed = Files.isDirectory(topPackage);
        if (!mixed && settings.pythonSource() != null) {
            throw ProjectException.userError("python-source is set to '" + settings.pythonSource() + "', but the"
                    + " Python package " + topPackage + " does not exist. Create it (with an __init__.py), or remove"
                    + " python-source (POM parameter pythonSource, or [tool.maturin] python-source).", null);
        }
        if (!mixed && parts.size() > 1 && extension.isPresent()) {
            throw ProjectException.userError("module-name = '" + moduleName + "' puts the native module inside the"
                    + " Python package '" + parts.get(0) + "', but " + topPackage + " does not exist. Create the"
                    + " package, or use a module name without dots.", null);
        }
        String last = parts.get(parts.size() - 1);
        if (mixed) {
            String nativeDirectory = nativeDirectory(moduleName);
            for (Path file : Globs.walk(sourcePaths, topPackage, "module-name")) {
                String archivePath = ProjectPaths.relative(sourceRoot, file);
                if (!(extension.orElse(null) instanceof Extension e && isStaleExtension(archivePath,
                        nativeDirectory, last))) {
                    addSource(archivePath, file, false);
                }
            }
            if (extension.orElse(null) instanceof Extension e) {
                addNative(new WheelEntry(nativeDirectory + "/" + last + e.suffix(), e.library(), true));
            } else if (extension.orElse(null) instanceof Cffi cffi) {
                addNative(CffiModuleLayout.entries(nativeDirectory + "/" + last, cffi.libraryFileName(),
                        cffi.library(), cffi.declarations()));
            }
        } else if (extension.isPresent()) {
            if (extension.get() instanceof Extension e) {
                addNative(ExtensionModuleLayout.entries(last, e.suffix(), e.library()));
            } else if (extension.get() instanceof Cffi cffi) {
                addNative(CffiModuleLayout.entries(last, cffi.libraryFileName(), cffi.library(),
                        cffi.declarations()));
            }
            Path stub = paths.root().resolve(last + ".pyi");
            if (Files.isRegularFile(stub)) {
                paths.requireInside(stub, last + ".pyi");
                addSource(last + "/__init__.pyi", stub, false);
                addNative(new WheelEntry(last + "/py.typed", EntryContent.ofBytes(new byte[0]), false));
            }
        }
        for (String pkg : settings.pythonPackages() == null ? List.<String>of() : settings.pythonPackages()) {
            Path directory = sourcePaths == paths
                    ? paths.resolve(ProjectPaths.relative(paths.root(), sourceRoot.resolve(pkg)), "python-packages")
                    : sourcePaths.resolve(pkg, "python-packages");
            if (!Files.isDirectory(directory)) {
                throw ProjectException.userError("python-packages lists '" + pkg + "', but " + directory + " is not a"
                        + " directory. Create it or remove it from python-packages.", null);
            }
            for (Path file : Globs.walk(sourcePaths, directory, "python-packages")) {
                addSource(ProjectPaths.relative(sourceRoot, file), file, false);
            }
        }
        for (String glob : settings.include() == null ? List.<String>of() : settings.include()) {
            for (Path file : Globs.files(paths, glob, "include")) {
                Path base = file.startsWith(sourceRoot) ? sourceRoot : paths.root();
                addSource(ProjectPaths.relative(base, file), file, false);
            }
        }
        data(parts.get(0), dataDirectory);
        for (Executable executable : executables) {
            addNative(new WheelEntry(executable.archivePath(dataDirectory), executable.content(), true));
            if (executable.besideLibraries().isPresent()) {
                addNative(new WheelEntry(dataDirectory + "/scripts/" + executable.name(), EntryContent.ofBytes(
                        ScriptShim.render(executable.besideLibraries().get(), executable.name())
                                .getBytes(StandardCharsets.UTF_8)), true));
            }
        }
    }

    /**
     * The wheel directory cffi bindings land in: their own package, {@code demo} for a pure layout, inside the
     * Python package where there is one ({@code demo} → {@code demo/demo}, {@code pkg._native} →
     * {@code pkg/_native}).
     */
    public static String cffiDirectory(ProjectPaths paths, MaturinSettings settings, String moduleName) {
        String top = moduleName.split("\\.", -1)[0];
        boolean mixed = Files.isDirectory(sourceRoot(paths, settings).resolve(top));
        return mixed ? nativeDirectory(moduleName) + "/" + moduleName.substring(moduleName.lastIndexOf('.') + 1)
                : nativeDirectory(moduleName);
    }

    private static Path sourceRoot(ProjectPaths paths, MaturinSettings settings) {
        return settings.pythonSource() == null ? paths.root()
                : paths.root().resolve(settings.pythonSource()).normalize();
    }

    /**
     * Refuses a module name Python cannot import; checked before the build too.
     *
     * @param where the setting that names it, for the message
     */
    static void requireImportName(String moduleName, String where) throws ProjectException {
        for (String part : moduleName.split("\\.", -1)) {
            if (!part.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw ProjectException.userError(where + " = '" + moduleName + "' is not a Python import name:"
                        + " each dot-separated part must be an identifier (letters, digits, '_'). Set module-name"
                        + " (POM parameter moduleName, or [tool.maturin] module-name) to a name such as pkg._native.",
                        null);
            }
        }
    }

    /** {@code <dist>.scripts}: the executables needing grafted libraries, beside {@code <dist>.libs/}. */
    public static String scriptsDirectory(String dist) {
        return dist + ".scripts";
    }

    /**
     * The wheel directory the native module lands in, in every layout: {@code pkg._native} → {@code pkg}, and a
     * name without dots is its own package ({@code demo} → {@code demo/demo<EXT_SUFFIX>}).
     */
    public static String nativeDirectory(String moduleName) {
        List<String> parts = Arrays.asList(moduleName.split("\\.", -1));
        return String.join("/", parts.size() > 1 ? parts.subList(0, parts.size() - 1) : parts);
    }

    /** A module left in the source tree by an editable build would shadow the one built now. */
    private static boolean isStaleExtension(String archivePath, String nativeDirectory, String module) {
        String prefix = nativeDirectory + "/" + module + ".";
        return archivePath.startsWith(prefix) && !archivePath.substring(prefix.length()).contains("/")
                && (archivePath.endsWith(".so") || archivePath.endsWith(".pyd") || archivePath.endsWith(".dylib"));
    }

    private void data(String topPackage, String dataDirectory) throws ProjectException {
        Path directory;
        if (settings.data() != null) {
            directory = paths.resolve(settings.data(), "data");
            if (!Files.isDirectory(directory)) {
                throw ProjectException.userError("data = '" + settings.data() + "', but " + directory + " is not a"
                        + " directory. Create it or remove data (POM parameter data, or [tool.maturin] data).", null);
            }
        } else {
            directory = paths.root().resolve(topPackage + ".data");
            if (!Files.isDirectory(directory)) {
                return;
            }
        }
        for (Path file : Globs.walk(paths, directory, "data")) {
            String relative = ProjectPaths.relative(directory, file);
            String scheme = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
            if (!DATA_SCHEMES.contains(scheme)) {
                throw ProjectException.userError("data directory " + directory + " holds " + relative + "; only the"
                        + " subdirectories data, scripts, headers, purelib and platlib may hold files. Move it into"
                        + " one of them.", null);
            }
            addSource(dataDirectory + "/" + relative, file, scheme.equals("scripts"));
        }
    }

    private void addSource(String archivePath, Path file, boolean executable) throws ProjectException {
        if (isBytecode(archivePath) || isExcluded(archivePath, file)) {
            return;
        }
        Path previous = sources.putIfAbsent(archivePath, file);
        if (previous != null) {
            if (!previous.equals(file)) {
                throw ProjectException.userError("Two files would go to " + archivePath + " in the wheel: " + previous
                        + " and " + file + ". Exclude one of them.", null);
            }
            return;
        }
        entries.put(archivePath, new WheelEntry(archivePath, EntryContent.ofFile(file), executable));
    }

    private void addNative(WheelEntry entry) {
        entries.put(entry.path(), entry);
    }

    private void addNative(List<WheelEntry> natives) {
        for (WheelEntry entry : natives) {
            addNative(entry);
        }
    }

    private static boolean isBytecode(String archivePath) {
        return archivePath.endsWith(".pyc") || archivePath.startsWith("__pycache__/")
                || archivePath.contains("/__pycache__/");
    }

    /** Globs are tried on the path in the wheel and on the path in the project, as maturin users write either. */
    private boolean isExcluded(String archivePath, Path file) {
        Path inWheel = Path.of(archivePath);
        Path inProject = file.startsWith(paths.root()) ? paths.root().relativize(file) : null;
        // a loop, not a stream: package asks for every file, and a lambda costs a warm build its class
        for (PathMatcher exclude : excludes) {
            if (exclude.matches(inWheel) || (inProject != null && exclude.matches(inProject))) {
                return true;
            }
        }
        return false;
    }
}
