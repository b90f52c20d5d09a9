package dev.rustwheel.binary.macho;

import dev.rustwheel.binary.NativeTools;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Mach-O libraries built here with clang and ld64.lld: {@code libfoo} links {@code libbar} through
 * {@code @rpath}, a weak and a re-exported library and a stand-in for {@code /usr/lib/libSystem.B.dylib}.
 */
final class MachOFixtures {

    private MachOFixtures() {
    }

    /** A thin libfoo for {@code arch} with minimum macOS {@code minimumOs}; {@code padding} extra header bytes. */
    static Path libfoo(Path dir, String arch, String minimumOs, boolean maxPadding)
            throws IOException, InterruptedException {
        Path lib = dir.resolve(arch);
        java.nio.file.Files.createDirectories(lib);
        Path bar = NativeTools.macho(lib, "libbar.dylib", arch, minimumOs, "int bar(int x) { return 2 * x; }",
                "-install_name", "@rpath/libbar.dylib");
        Path weak = NativeTools.macho(lib, "libweak.dylib", arch, minimumOs, "int weak(void) { return 1; }",
                "-install_name", "@loader_path/libweak.dylib");
        Path again = NativeTools.macho(lib, "libagain.dylib", arch, minimumOs, "int again(void) { return 3; }",
                "-install_name", "/opt/vendor/lib/libagain.dylib");
        Path system = NativeTools.macho(lib, "libSystem.B.dylib", arch, minimumOs, "int sys(void) { return 0; }",
                "-install_name", "/usr/lib/libSystem.B.dylib");
        String source = "int bar(int); int weak(void); int sys(void);"
                + " int foo(int x) { return bar(x) + weak() + sys(); }";
        return maxPadding
                ? NativeTools.macho(lib, "libfoo.dylib", arch, minimumOs, source, "-install_name",
                        "@rpath/libfoo.dylib", "-rpath", "@loader_path/../lib", "-rpath", "/opt/vendor/lib",
                        bar.toString(), "-weak_library", weak.toString(), "-reexport_library", again.toString(),
                        system.toString(), "-headerpad_max_install_names")
                : NativeTools.macho(lib, "libfoo.dylib", arch, minimumOs, source, "-install_name",
                        "@rpath/libfoo.dylib", "-rpath", "@loader_path/../lib", "-rpath", "/opt/vendor/lib",
                        bar.toString(), "-weak_library", weak.toString(), "-reexport_library", again.toString(),
                        system.toString());
    }

    /** A universal2 libfoo: x86_64 (macOS 10.12) and arm64 (macOS 11.0), with the maximum header padding. */
    static Path universal(Path dir) throws IOException, InterruptedException {
        Path x86 = libfoo(dir, "x86_64", "10.12", true);
        Path arm = libfoo(dir, "arm64", "11.0", true);
        return NativeTools.lipo(dir.resolve("libfoo.dylib"), x86, arm);
    }
}
