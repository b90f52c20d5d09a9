package dev.rustwheel.binary.pe;

import dev.rustwheel.binary.NativeTools;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** PE test images: mingw-built DLLs and EXEs, and a minimal hand-built image with a delay-load import. */
final class PeFixtures {

    static final String BAR = "__declspec(dllexport) int bar(int x) { return 2 * x; }\n";
    static final String FOO = "__declspec(dllimport) int bar(int);\n"
            + "__declspec(dllexport) int foo(int x) { return bar(x) + 1; }\n";
    static final String MAIN = "#include <stdio.h>\n__declspec(dllimport) int foo(int);\n"
            + "int main(void) { printf(\"foo(20)=%d\\n\", foo(20)); return 0; }\n";

    private PeFixtures() {
    }

    /** {@code bar.dll}, and {@code foo.dll} importing it, linked by mingw-w64 with a checksum. */
    static Path fooImportingBar(Path dir) throws IOException, InterruptedException {
        Path bar = NativeTools.mingw(dir, "bar.dll", BAR, "-shared");
        return NativeTools.mingw(dir, "foo.dll", FOO, "-shared", bar.toString());
    }

    /**
     * A minimal PE32+ DLL for arm64: one {@code .rdata} section holding a delay-load descriptor for
     * {@code late.dll}, and the export directory naming the image {@code tiny.dll}.
     */
    static byte[] tinyDelayLoading() {
        int fileAlignment = 0x200;
        int sectionRva = 0x1000;
        ByteBuffer b = ByteBuffer.allocate(0x400).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, 0x40);
        b.putInt(0x40, 0x00004550);
        int coff = 0x44;
        b.putShort(coff, (short) PeFile.MACHINE_ARM64).putShort(coff + 2, (short) 1)
                .putShort(coff + 16, (short) 240).putShort(coff + 18, (short) 0x2022);
        int opt = coff + 20;
        b.putShort(opt, (short) 0x20b).putInt(opt + 24, 0).putLong(opt + 24, 0x180000000L)
                .putInt(opt + 32, 0x1000).putInt(opt + 36, fileAlignment).putInt(opt + 56, 0x2000)
                .putInt(opt + 60, fileAlignment).putInt(opt + 108, 16);
        int directories = opt + 112;
        b.putInt(directories, sectionRva + 0x80).putInt(directories + 4, 40); // export
        b.putInt(directories + 13 * 8, sectionRva).putInt(directories + 13 * 8 + 4, 64); // delay import
        int section = opt + 240;
        b.put(section, ".rdata".getBytes(StandardCharsets.US_ASCII)).putInt(section + 8, 0x140)
                .putInt(section + 12, sectionRva).putInt(section + 16, fileAlignment).putInt(section + 20, 0x200)
                .putInt(section + 36, PeSection.CNT_INITIALIZED_DATA | PeSection.MEM_READ);
        int raw = 0x200;
        // attributes (RVA-based), DllNameRVA, ModuleHandleRVA, IAT, INT: one function imported by name
        b.putInt(raw, 1).putInt(raw + 4, sectionRva + 0x40).putInt(raw + 8, sectionRva + 0x120)
                .putInt(raw + 12, sectionRva + 0xf0).putInt(raw + 16, sectionRva + 0xe0);
        b.putLong(raw + 0xe0, sectionRva + 0x100).putLong(raw + 0xf0, sectionRva + 0x100);
        b.put(raw + 0x102, "late_function\0".getBytes(StandardCharsets.US_ASCII));
        b.put(raw + 0x40, "late.dll\0".getBytes(StandardCharsets.US_ASCII));
        b.putInt(raw + 0x80 + 12, sectionRva + 0xc0);
        b.put(raw + 0xc0, "tiny.dll\0".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }
}
