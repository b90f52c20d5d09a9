package dev.rustwheel.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file list of each layout maturin users rely on. */
class PythonLayoutTest {

    private static final String SUFFIX = ".cpython-311-x86_64-linux-gnu.so";
    private static final String DATA = "fp-1.0.data";

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    private final List<String> warnings = new java.util.ArrayList<>();

    private final Optional<PythonLayout.Extension> extension =
            Optional.of(new PythonLayout.Extension(EntryContent.ofBytes(new byte[] {1}), SUFFIX));

    private void file(String path) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, path);
    }

    private static MaturinSettings settings(String moduleName, String pythonSource, List<String> packages,
                                            List<String> include, List<String> exclude, String data) {
        return new MaturinSettings(moduleName, pythonSource, packages, include, exclude, data, null);
    }

    private List<String> paths(MaturinSettings settings, String module) throws ProjectException {
        return PythonLayout.entries(new ProjectPaths(root), settings, module, DATA, extension, List.of(), warnings::add).stream()
                .map(WheelEntry::path).sorted().toList();
    }

    private String error(MaturinSettings settings, String module) {
        return assertThrows(ProjectException.class, () -> paths(settings, module)).getMessage();
    }

    @Test
    void cffiBindingsAreAPackageOfTheirOwnInThePureAndTheMixedLayout() throws Exception {
        Optional<PythonLayout.Cffi> cffi = Optional.of(new PythonLayout.Cffi(EntryContent.ofBytes(new byte[] {1}),
                "libfp.so", new byte[] {2}));
        assertEquals(List.of("fp/__init__.py", "fp/ffi.py", "fp/libfp.so"), PythonLayout.entries(new ProjectPaths(root),
                MaturinSettings.NONE, "fp", DATA, cffi, List.of(), warnings::add).stream().map(WheelEntry::path)
                .sorted().toList());
        assertEquals("fp", PythonLayout.cffiDirectory(new ProjectPaths(root), MaturinSettings.NONE, "fp"));

        file("fp/__init__.py");
        assertEquals(List.of("fp/__init__.py", "fp/fp/__init__.py", "fp/fp/ffi.py", "fp/fp/libfp.so"),
                PythonLayout.entries(new ProjectPaths(root), MaturinSettings.NONE, "fp", DATA, cffi, List.of(),
                        warnings::add).stream().map(WheelEntry::path).sorted().toList());
        assertEquals("fp/fp", PythonLayout.cffiDirectory(new ProjectPaths(root), MaturinSettings.NONE, "fp"));
        assertEquals("fp/_c", PythonLayout.cffiDirectory(new ProjectPaths(root), MaturinSettings.NONE, "fp._c"));
    }

    @Test
    void pureLayoutIsTheModuleWithAGeneratedInit() throws Exception {
        assertEquals(List.of("fp/__init__.py", "fp/fp" + SUFFIX), paths(MaturinSettings.NONE, "fp"));
    }

    @Test
    void pureLayoutShipsTheStubAsInitPyiWithPyTyped() throws Exception {
        file("fp.pyi");
        assertEquals(List.of("fp/__init__.py", "fp/__init__.pyi", "fp/fp" + SUFFIX, "fp/py.typed"),
                paths(MaturinSettings.NONE, "fp"));
    }

    @Test
    void mixedLayoutIsDetectedFromThePackageBesidePyproject() throws Exception {
        file("fp/__init__.py");
        file("fp/helpers.py");
        file("fp/__pycache__/helpers.cpython-311.pyc");
        file("fp/old.pyc");
        file("fp/fp.cpython-310-x86_64-linux-gnu.so");
        assertEquals(List.of("fp/__init__.py", "fp/fp" + SUFFIX, "fp/helpers.py"), paths(MaturinSettings.NONE, "fp"));
    }

    @Test
    void pythonSourceAndDottedModuleNamePlaceTheNativeModuleInsideThePackage() throws Exception {
        file("python/pkg/__init__.py");
        file("python/pkg/sub/__init__.py");
        file("python/pkg/_native.pyi");
        assertEquals(List.of("pkg/__init__.py", "pkg/_native" + SUFFIX, "pkg/_native.pyi", "pkg/sub/__init__.py"),
                paths(settings("pkg._native", "python", null, null, null, null), "pkg._native"));
    }

    @Test
    void pythonPackagesIncludeAndExcludeAddAndDropFiles() throws Exception {
        file("src/pkg/__init__.py");
        file("src/pkg/secret.py");
        file("src/tests/test_it.py");
        file("src/pkg/assets/logo.txt");
        file("assets/extra.txt");
        file("assets/skip.md");
        MaturinSettings settings = settings("pkg._n", "src", List.of("tests"), List.of("assets/*", "src/pkg/assets/*"),
                List.of("pkg/secret.py", "assets/*.md"), null);
        assertEquals(List.of("assets/extra.txt", "pkg/__init__.py", "pkg/_n" + SUFFIX, "pkg/assets/logo.txt",
                "tests/test_it.py"), paths(settings, "pkg._n"));
    }

    @Test
    void dataDirectoryGoesToTheDataSchemes() throws Exception {
        file("fp.data/scripts/run.sh");
        file("fp.data/headers/fp.h");
        List<WheelEntry> entries = PythonLayout.entries(new ProjectPaths(root), MaturinSettings.NONE, "fp", DATA,
                extension, List.of(), warnings::add);
        assertEquals(List.of("fp-1.0.data/headers/fp.h", "fp-1.0.data/scripts/run.sh", "fp/__init__.py",
                "fp/fp" + SUFFIX), entries.stream().map(WheelEntry::path).sorted().toList());
        assertTrue(entries.stream().filter(e -> e.path().endsWith("run.sh")).findFirst().orElseThrow().executable());
    }

    @Test
    void binExecutablesBecomeScripts() throws Exception {
        List<WheelEntry> entries = PythonLayout.entries(new ProjectPaths(root), MaturinSettings.NONE, "fp", DATA,
                Optional.empty(), List.of(new PythonLayout.Executable("fp-cli", EntryContent.ofBytes(new byte[0]))), warnings::add);
        assertEquals(List.of("fp-1.0.data/scripts/fp-cli"), entries.stream().map(WheelEntry::path).toList());
        assertTrue(entries.get(0).executable());
    }

    @Test
    void anExecutableNeedingGraftedLibrariesGoesBesideThemBehindAShim() throws Exception {
        byte[] binary = {0x7f, 'E', 'L', 'F'};
        PythonLayout.Executable executable = PythonLayout.Executable.besideGraftedLibraries("fp.scripts", "fp-cli",
                EntryContent.ofBytes(binary));
        List<WheelEntry> entries = PythonLayout.entries(new ProjectPaths(root), MaturinSettings.NONE, "fp", DATA,
                Optional.empty(), List.of(executable, new PythonLayout.Executable("plain",
                        EntryContent.ofBytes(binary))), warnings::add);

        assertEquals(List.of("fp.scripts/fp-cli", "fp-1.0.data/scripts/fp-cli", "fp-1.0.data/scripts/plain"),
                entries.stream().map(WheelEntry::path).toList());
        assertTrue(entries.stream().allMatch(WheelEntry::executable));
        assertEquals("fp.scripts/fp-cli", executable.archivePath(DATA));
        assertEquals(ScriptShim.render("fp.scripts", "fp-cli"), text(entries.get(1)));
        assertArrayEquals(binary, bytes(entries.get(0)));
    }

    private static byte[] bytes(WheelEntry entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entry.content().writeTo(out);
        return out.toByteArray();
    }

    private static String text(WheelEntry entry) throws IOException {
        return new String(bytes(entry), StandardCharsets.UTF_8);
    }

    @Test
    void anExplicitPythonSourceOutsideTheProjectIsFollowedAsMaturinFollowsIt() throws Exception {
        Path project = Files.createDirectories(root.resolve("crate"));
        Path python = root.resolve("python");
        Files.createDirectories(python.resolve("ext/sub"));
        Files.writeString(python.resolve("ext/__init__.py"), "");
        Files.writeString(python.resolve("ext/sub/x.py"), "");

        List<String> entries = PythonLayout.entries(new ProjectPaths(project), settings(null, "../python", null, null,
                null, null), "ext._n", DATA, extension, List.of(), warnings::add).stream().map(WheelEntry::path)
                .sorted().toList();

        assertEquals(List.of("ext/__init__.py", "ext/_n" + SUFFIX, "ext/sub/x.py"), entries);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("python-source = '../python' lies outside the project directory"),
                warnings.get(0));
        // the package's own files still may not lead anywhere else
        Files.writeString(elsewhere.resolve("secret.txt"), "s");
        Files.createSymbolicLink(python.resolve("ext/leak.txt"), elsewhere.resolve("secret.txt"));
        assertTrue(assertThrows(ProjectException.class, () -> PythonLayout.entries(new ProjectPaths(project),
                settings(null, "../python", null, null, null, null), "ext._n", DATA, extension, List.of(),
                warnings::add)).getMessage().contains("is a symbolic link to"));
    }

    @Test
    void refusesEveryWayOut() throws Exception {
        file("fp/__init__.py");
        assertTrue(error(settings(null, null, null, List.of("../*"), null, null), "fp").contains("outside the project"));
        assertTrue(error(settings(null, null, null, null, null, "/etc"), "fp").contains("outside the project"));
        Files.writeString(elsewhere.resolve("secret.txt"), "s");
        Files.createSymbolicLink(root.resolve("linked"), elsewhere);
        assertTrue(error(settings(null, null, null, List.of("linked/*"), null, null), "fp")
                .contains("is a symbolic link to"));
        Files.createSymbolicLink(root.resolve("fp/leak.txt"), elsewhere.resolve("secret.txt"));
        assertTrue(error(MaturinSettings.NONE, "fp").contains("outside the project directory"));
    }

    @Test
    void refusesMissingDirectoriesAndBadNames() throws Exception {
        assertTrue(error(settings(null, "python", null, null, null, null), "fp")
                .contains("python-source is set to 'python'"));
        assertTrue(error(MaturinSettings.NONE, "pkg._n").contains("does not exist"));
        assertTrue(error(MaturinSettings.NONE, "fp-x").contains("is not a Python import name"));
        assertTrue(error(settings(null, null, List.of("nope"), null, null, null), "fp")
                .contains("python-packages lists 'nope'"));
        assertTrue(error(settings(null, null, null, null, null, "nodata"), "fp").contains("data = 'nodata'"));
        file("fp.data/elsewhere/x");
        assertTrue(error(MaturinSettings.NONE, "fp").contains("only the subdirectories data, scripts"));
    }
}
