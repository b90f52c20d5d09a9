package dev.rustwheel.goals.repair;

import dev.rustwheel.binary.NativeTools;
import dev.rustwheel.binary.elf.Gcc;
import dev.rustwheel.binary.macho.SignatureCheck;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.RecordingLog;
import dev.rustwheel.wheel.zip.WheelWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * repair given a foreign wheel: a universal2 macOS wheel and Windows wheels, built elsewhere, with their
 * libraries found through libraryPath; every result checked with llvm's tools, pefile, Python (RECORD) and wine.
 */
class WheelRepairStepTest {

    private static final BuildLog QUIET = new RecordingLog();

    /** Every RECORD row's digest and size match the entry, and every entry has a row. */
    private static final String RECORD_CHECK = """
            import sys, zipfile, hashlib, base64, csv, io
            z = zipfile.ZipFile(sys.argv[1])
            record = [n for n in z.namelist() if n.endswith('.dist-info/RECORD')][0]
            rows = {r[0]: r for r in csv.reader(io.StringIO(z.read(record).decode()))}
            for name in z.namelist():
                if name == record: continue
                data = z.read(name)
                digest = 'sha256=' + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()
                assert rows[name][1] == digest and rows[name][2] == str(len(data)), name
            print('RECORD ok', len(rows))
            """;

    @TempDir
    Path dir;

    @Test
    void repairsAUniversal2WheelAsDelocateWould() throws Exception {
        Path vendor = Files.createDirectories(dir.resolve("vendor"));
        Path bars = Files.createDirectories(dir.resolve("bars"));
        List<Path> slices = new ArrayList<>();
        List<Path> barSlices = new ArrayList<>();
        for (String[] arch : new String[][] {{"x86_64", "10.12"}, {"arm64", "11.0"}}) {
            Path archDir = Files.createDirectories(bars.resolve(arch[0]));
            Path bar = NativeTools.macho(archDir, "libbar.dylib", arch[0], arch[1], "int bar(int x) { return 2 * x; }",
                    "-install_name", "@rpath/libbar.dylib", "-headerpad_max_install_names");
            barSlices.add(bar);
            slices.add(NativeTools.macho(archDir, "ext.so", arch[0], arch[1],
                    "int bar(int); int PyInit_ext(void) { return bar(21); }", bar.toString(), "-rpath",
                    "/opt/build/lib", "-headerpad_max_install_names"));
        }
        NativeTools.lipo(vendor.resolve("libbar.dylib"), barSlices.toArray(Path[]::new));
        Path ext = NativeTools.lipo(dir.resolve("ext.so"), slices.toArray(Path[]::new));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("demo/__init__.py", "from .ext import *\n".getBytes());
        entries.put("demo/ext.cpython-312-darwin.so", Files.readAllBytes(ext));
        Path wheel = wheel("demo-1.0-cp312-cp312-macosx_10_12_universal2.whl", entries);

        Path repaired = repair(wheel, List.of(vendor)).orElseThrow();

        assertEquals("demo-1.0-cp312-cp312-macosx_10_12_universal2.whl", repaired.getFileName().toString());
        Path out = unzip(repaired);
        assertTrue(Files.isRegularFile(out.resolve("demo/.dylibs/libbar.dylib")));
        String otool = NativeTools.require("llvm-otool-14", "llvm-otool");
        for (String arch : List.of("x86_64", "arm64")) {
            String deps = NativeTools.check(out, otool, "-L", "-arch", arch, "demo/ext.cpython-312-darwin.so");
            assertTrue(deps.contains("@loader_path/.dylibs/libbar.dylib ("), deps);
            String id = NativeTools.check(out, otool, "-D", "-arch", arch, "demo/.dylibs/libbar.dylib");
            assertTrue(id.contains("/DLC/demo/.dylibs/libbar.dylib"), id);
            String rpaths = NativeTools.check(out, otool, "-l", "-arch", arch, "demo/ext.cpython-312-darwin.so");
            assertTrue(!rpaths.contains("/opt/build/lib"), "the build machine's rpath is dropped");
        }
        assertEquals("0x1000007 unsigned\n0x100000c ok", SignatureCheck.check(out.resolve("demo/ext.cpython-312-darwin.so")));
        assertEquals("0x1000007 unsigned\n0x100000c ok", SignatureCheck.check(out.resolve("demo/.dylibs/libbar.dylib")));
        assertTrue(NativeTools.python(dir, "zipfile", RECORD_CHECK, repaired.toString()).startsWith("RECORD ok"));
        assertTrue(Files.readString(out.resolve("demo-1.0.dist-info/WHEEL"))
                .contains("Tag: cp312-cp312-macosx_10_12_universal2\n"));
    }

    @Test
    void repairsDelvewheelsTestWheelWithMangledNames() throws Exception {
        Path wheel = NativeTools.resource(dir, "third-party/delvewheel/simpleext-0.0.1-cp312-cp312-win_amd64.whl");
        Path libs = Files.createDirectories(dir.resolve("libs"));
        Files.copy(NativeTools.resource(dir, "third-party/delvewheel/simpledll-x64.dll"), libs.resolve("simpledll.dll"));

        Path repaired = repair(wheel, List.of(libs)).orElseThrow();

        Path out = unzip(repaired);
        List<String> mangled;
        try (var list = Files.list(out)) {
            mangled = list.map(p -> p.getFileName().toString()).filter(n -> n.matches("simpledll-[0-9a-f]{32}\\.dll"))
                    .toList();
        }
        assertEquals(1, mangled.size(), "the top-level module finds the DLL beside it");
        String imports = NativeTools.python(out, "pefile", "import sys, pefile; print([d.dll.decode() for d in"
                + " pefile.PE(sys.argv[1]).DIRECTORY_ENTRY_IMPORT])", "simpleext.cp312-win_amd64.pyd");
        assertTrue(imports.contains("'" + mangled.get(0) + "'") && !imports.contains("'simpledll.dll'"), imports);
        assertTrue(NativeTools.python(dir, "zipfile", RECORD_CHECK, repaired.toString()).startsWith("RECORD ok"));

        BuildException missing = assertThrows(BuildException.class, () -> repair(wheel, List.of()));
        assertTrue(missing.getMessage().contains("Cannot find simpledll.dll => not found (needed by "
                + wheel.getFileName() + "!/") && !missing.getMessage().contains("rustwheel-repair-")
                && missing.getMessage().contains("holding them in parameter libraryPath,"), missing.getMessage());
    }

    @Test
    void aMingwDllRepairedIntoAPackageLoadsThroughItsRenamedImportUnderWine() throws Exception {
        Path build = Files.createDirectories(dir.resolve("build"));
        Path lib = Files.createDirectories(dir.resolve("lib"));
        NativeTools.mingw(lib, "bar.dll", "__declspec(dllexport) int bar(int x) { return 2 * x; }", "-shared");
        Path ext = NativeTools.mingw(build, "ext.pyd", "__declspec(dllimport) int bar(int);\n"
                + "__declspec(dllexport) int run(void) { return bar(21); }\n", "-shared", lib.resolve("bar.dll").toString());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("demo/__init__.py", "\"\"\"The demo.\"\"\"\nfrom __future__ import annotations\n".getBytes());
        entries.put("demo/ext.pyd", Files.readAllBytes(ext));
        Path wheel = wheel("demo-1.0-cp312-cp312-win_amd64.whl", entries);

        Path repaired = repair(wheel, List.of(lib)).orElseThrow();

        Path out = unzip(repaired);
        String init = Files.readString(out.resolve("demo/__init__.py"));
        assertTrue(init.startsWith("\"\"\"The demo.\"\"\"\nfrom __future__ import annotations\n")
                && init.contains("os.add_dll_directory") && init.contains("'demo.libs'"), init);
        // what Python does for the package: add the directory, then load the extension with the safe search path
        Path loader = NativeTools.mingw(out, "load.exe", """
                #include <windows.h>
                #include <stdio.h>
                int main(void) {
                    SetDefaultDllDirectories(LOAD_LIBRARY_SEARCH_DEFAULT_DIRS);
                    wchar_t libs[MAX_PATH];
                    GetFullPathNameW(L"demo.libs", MAX_PATH, libs, NULL);
                    AddDllDirectory(libs);
                    wchar_t ext[MAX_PATH];
                    GetFullPathNameW(L"demo\\\\ext.pyd", MAX_PATH, ext, NULL);
                    HMODULE m = LoadLibraryExW(ext, NULL,
                        LOAD_LIBRARY_SEARCH_DEFAULT_DIRS | LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR);
                    if (!m) { printf("load failed %lu\\n", GetLastError()); return 1; }
                    int (*run)(void) = (int (*)(void)) GetProcAddress(m, "run");
                    printf("run()=%d\\n", run());
                    return 0;
                }
                """);
        String wine = NativeTools.require("wine64", "wine", "/usr/lib/wine/wine64");
        NativeTools.Result result = NativeTools.run(out, List.of("env", "WINEDEBUG=-all", wine, loader.toString()));
        assertTrue(result.output().contains("run()=42"), result::output);
        // only the bundled, renamed DLL can satisfy the import: no bar.dll lies on any path the loader searches
        assertTrue(!Files.exists(out.resolve("bar.dll")) && !Files.exists(out.resolve("demo/bar.dll")));
    }

    @Test
    void repairsALinuxWheelAsAuditwheelWould() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Gcc.sharedLibrary(lib, "libbar.so.1", "int bar(int x) { return 2 * x; }", "-Wl,-soname,libbar.so.1");
        Path ext = Gcc.sharedLibrary(Files.createDirectories(dir.resolve("build")), "ext.so",
                "int bar(int); int PyInit_ext(void) { return bar(21); }", lib.resolve("libbar.so.1").toString(),
                "-Wl,-rpath,/opt/build/lib");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("demo/__init__.py", "from .ext import *\n".getBytes());
        entries.put("demo/ext.cpython-311-x86_64-linux-gnu.so", Files.readAllBytes(ext));
        Path wheel = wheel("demo-1.0-cp311-cp311-linux_x86_64.whl", entries);

        BuildException missing = assertThrows(BuildException.class, () -> repair(wheel, List.of()));
        assertTrue(missing.getMessage().contains("Cannot find libbar.so.1 => not found (needed by "
                + "demo-1.0-cp311-cp311-linux_x86_64.whl!/demo/ext.cpython-311-x86_64-linux-gnu.so)")
                && missing.getMessage().contains("holding them in parameter libraryPath,"), missing.getMessage());

        Path repaired = repair(wheel, List.of(lib)).orElseThrow();

        assertTrue(repaired.getFileName().toString().matches("demo-1\\.0-cp311-cp311-manylinux_2_[0-9]+_x86_64.*\\.whl"),
                repaired::toString);
        Path out = unzip(repaired);
        List<Path> grafted;
        try (var list = Files.list(out.resolve("demo.libs"))) {
            grafted = list.toList();
        }
        assertEquals(1, grafted.size());
        String name = grafted.get(0).getFileName().toString();
        assertTrue(name.matches("libbar-[0-9a-f]{8}\\.so\\.1"), name);
        String dynamic = NativeTools.check(out, "readelf", "-d", "demo/ext.cpython-311-x86_64-linux-gnu.so");
        assertTrue(dynamic.contains("Shared library: [" + name + "]") && !dynamic.contains("[libbar.so.1]")
                && dynamic.contains("[$ORIGIN/../demo.libs]") && !dynamic.contains("/opt/build/lib"), dynamic);
        assertTrue(NativeTools.check(out, "readelf", "-d", "demo.libs/" + name).contains("Library soname: [" + name + "]"));
        assertTrue(NativeTools.python(dir, "zipfile", RECORD_CHECK, repaired.toString()).startsWith("RECORD ok"));
        // the loader finds the grafted library through the new RPATH alone
        String loaded = NativeTools.python(out, "ctypes", "import sys, ctypes; print(ctypes.CDLL(sys.argv[1]).PyInit_ext())",
                out.resolve("demo/ext.cpython-311-x86_64-linux-gnu.so").toString());
        assertEquals("42", loaded.strip());
    }

    @Test
    void checkModeRefusesAndSkipLeavesTheWheel() throws Exception {
        Path wheel = NativeTools.resource(dir, "third-party/delvewheel/simpleext-0.0.1-cp312-cp312-win_amd64.whl");
        BuildException e = assertThrows(BuildException.class, () -> new WheelRepairStep(QUIET).run(config(wheel,
                AuditwheelMode.CHECK, List.of())));
        assertTrue(e.isUserError() && e.getMessage().contains("auditwheel = check"), e.getMessage());
        assertTrue(new WheelRepairStep(QUIET).run(config(wheel, AuditwheelMode.SKIP, List.of())).isEmpty());
    }

    @Test
    void aWheelThatIsNotThereIsAUserErrorNamingThePathAndTheParameter() {
        Path absent = dir.resolve("absent-1.0-cp312-cp312-win_amd64.whl");

        BuildException e = assertThrows(BuildException.class, () -> repair(absent, List.of()));

        assertTrue(e.isUserError(), e.getMessage());
        assertEquals("No wheel at " + absent + ". Check the parameter wheel.", e.getMessage());
    }

    private java.util.Optional<Path> repair(Path wheel, List<Path> libraryPath) throws BuildException {
        return new WheelRepairStep(QUIET).run(config(wheel, AuditwheelMode.REPAIR, libraryPath));
    }

    private WheelRepairConfig config(Path wheel, AuditwheelMode mode, List<Path> libraryPath) {
        return new WheelRepairConfig(wheel, dir.resolve("wheels"), mode, List.of(), libraryPath, WheelWriter.ZIP_EPOCH);
    }

    private Path wheel(String name, Map<String, byte[]> payload) throws Exception {
        String[] parts = name.split("-");
        String distInfo = parts[0] + "-" + parts[1] + ".dist-info/";
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            Map<String, byte[]> all = new LinkedHashMap<>(payload);
            all.put(distInfo + "METADATA", ("Metadata-Version: 2.1\nName: " + parts[0] + "\nVersion: 1.0\n").getBytes());
            all.put(distInfo + "WHEEL", ("Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\nTag: "
                    + name.substring(parts[0].length() + parts[1].length() + 2, name.length() - 4) + "\n").getBytes());
            all.put(distInfo + "RECORD", new byte[0]);
            for (Map.Entry<String, byte[]> e : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private Path unzip(Path wheel) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out-" + wheel.getFileName()));
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                Path target = out.resolve(entry.getName());
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
        return out;
    }
}
