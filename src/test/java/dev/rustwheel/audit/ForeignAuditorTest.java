package dev.rustwheel.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.audit.macos.MacosAuditReport;
import dev.rustwheel.audit.macos.MacosAuditor;
import dev.rustwheel.audit.windows.WindowsAuditReport;
import dev.rustwheel.audit.windows.WindowsAuditor;
import dev.rustwheel.audit.windows.WindowsSystemDlls;
import dev.rustwheel.binary.NativeTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The macOS and Windows audits on libraries built here, with dependencies found through the library path. */
class ForeignAuditorTest {

    @TempDir
    Path dir;

    @Test
    void macosResolvesRpathsLoaderPathsAndTheLibraryPathTransitively() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("vendor"));
        // libbase has no dependency; libmid needs it by @rpath; the extension needs libmid by @loader_path/../vendor
        NativeTools.macho(lib, "libbase.dylib", "arm64", "12.0", "int base(void) { return 1; }",
                "-install_name", "@rpath/libbase.dylib");
        NativeTools.macho(lib, "libmid.dylib", "arm64", "11.0", "int base(void); int mid(void) { return base(); }",
                "-install_name", "/opt/elsewhere/libmid.dylib", lib.resolve("libbase.dylib").toString(),
                "-rpath", "@loader_path");
        Path pkg = Files.createDirectories(dir.resolve("wheel/pkg"));
        Path ext = NativeTools.macho(pkg, "ext.so", "arm64", "11.0",
                "int mid(void); int PyInit_ext(void) { return mid(); }", lib.resolve("libmid.dylib").toString(),
                "-rpath", "/usr/local/nowhere");

        MacosAuditReport report = new MacosAuditor(List.of(lib)).audit(List.of(ext), Optional.of(dir.resolve("wheel")));

        assertEquals(List.of("macosx_11_0_arm64"), report.platformTags(), "only the wheel's own files set the tag");
        assertEquals(List.of("/opt/elsewhere/libmid.dylib => " + lib.resolve("libmid.dylib") + " (needed by " + ext + ")",
                "@rpath/libbase.dylib => " + lib.resolve("libbase.dylib") + " (needed by " + lib.resolve("libmid.dylib")
                        + ")"), report.external().stream().map(ExternalLibrary::describe).toList());

        MacosAuditReport alone = new MacosAuditor(List.of()).audit(List.of(ext), Optional.of(dir.resolve("wheel")));
        assertEquals(List.of("/opt/elsewhere/libmid.dylib => not found (needed by " + ext + ")"),
                alone.external().stream().map(ExternalLibrary::describe).toList());
    }

    @Test
    void windowsFindsDllsCaseInsensitivelyAndRefusesAnotherArchitecture() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        NativeTools.mingw(lib, "bar.dll", "__declspec(dllexport) int bar(int x) { return 2 * x; }", "-shared");
        Path foo = NativeTools.mingw(lib, "FOO.dll", "__declspec(dllimport) int bar(int);"
                + " __declspec(dllexport) int foo(int x) { return bar(x); }", "-shared", lib.resolve("bar.dll").toString());
        Path pkg = Files.createDirectories(dir.resolve("pkg"));
        Path ext = NativeTools.mingw(pkg, "ext.pyd", "__declspec(dllimport) int foo(int);"
                + " __declspec(dllexport) int PyInit_ext(void) { return foo(1); }", "-shared", foo.toString());

        WindowsAuditReport report = new WindowsAuditor(List.of(lib), "parameter libraryPath", Optional.of("cp311"))
                .audit(List.of(ext), Map.of());
        assertEquals("win_amd64", report.platformTag());
        assertEquals(List.of("FOO.dll", "bar.dll"), report.external().stream().map(ExternalLibrary::soname).toList());
        assertEquals(lib.resolve("bar.dll"), report.external().get(1).path().orElseThrow());
        assertTrue(report.system().containsAll(List.of("kernel32.dll", "msvcrt.dll")), report.system()::toString);

        WindowsAuditReport bundled = new WindowsAuditor(List.of(lib), "parameter libraryPath", Optional.empty())
                .audit(List.of(ext), Map.of("foo.dll", foo));
        assertEquals(List.of(), bundled.external(), "a DLL the wheel carries is not external");

        Path x86 = Files.createDirectories(dir.resolve("x86"));
        Files.copy(NativeTools.resource(dir, "third-party/delvewheel/simpledll-x86.dll"), x86.resolve("FOO.dll"));
        AuditException e = assertThrows(AuditException.class,
                () -> new WindowsAuditor(List.of(x86), "the test's libraryPath", Optional.empty())
                        .audit(List.of(ext), Map.of()));
        assertTrue(e.getMessage().contains("is a x86 DLL, but " + ext + " is amd64"), e.getMessage());
        assertTrue(e.getMessage().endsWith("the amd64 build of FOO.dll first in the test's libraryPath."),
                e.getMessage());
    }

    @Test
    void windowsKeepsTheRuntimeDllsPythonShips() {
        assertTrue(WindowsSystemDlls.isSystem("VCRUNTIME140_1.dll", "amd64", Optional.of("cp312")));
        assertTrue(!WindowsSystemDlls.isSystem("VCRUNTIME140_1.dll", "amd64", Optional.of("cp38")));
        assertTrue(!WindowsSystemDlls.isSystem("vcruntime140_1.dll", "x86", Optional.of("cp312")));
        assertTrue(!WindowsSystemDlls.isSystem("msvcp140.dll", "amd64", Optional.of("cp312")), "delvewheel vendors it");
        assertTrue(WindowsSystemDlls.isSystem("api-ms-win-core-synch-l1-2-0.dll", "arm64", Optional.empty()));
        assertTrue(WindowsSystemDlls.isSystem("python3.dll", "x86", Optional.empty()));
    }
}
