package dev.rustwheel.binary.pe;

import dev.rustwheel.binary.NativeTools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeFileTest {

    @TempDir
    Path dir;

    @Test
    void readsMingwDllsAsPefileDoes() throws Exception {
        Path foo = PeFixtures.fooImportingBar(dir);
        PeFile pe = PeFile.read(foo);

        assertEquals(Pefile.describe(foo), Pefile.describe(pe));
        assertEquals("amd64", pe.architecture());
        assertTrue(pe.pe32Plus());
        assertTrue(pe.neededDlls().contains("bar.dll"), pe.neededDlls()::toString);
        assertEquals("foo.dll", pe.exportName().orElseThrow());
        String exports = NativeTools.python(dir, "pefile", "import sys, pefile; print([e.name.decode() for e in"
                + " pefile.PE(sys.argv[1]).DIRECTORY_ENTRY_EXPORT.symbols])", foo.toString());
        assertTrue(exports.contains("'foo'") && PeFile.exportsSymbol(foo, "foo"), exports);
        assertFalse(PeFile.exportsSymbol(foo, "bar") || PeFile.exportsSymbol(foo, "fo"), "only what it exports");
        assertTrue(pe.checksum() != 0, "mingw's ld sets the checksum");
        assertTrue(pe.layout().endOfSections() < Files.size(foo), "mingw leaves a COFF symbol table after the sections");
        String readobj = NativeTools.check(dir, NativeTools.require("llvm-readobj-14", "llvm-readobj"),
                "--coff-imports", foo.toString());
        for (String dll : pe.neededDlls()) {
            assertTrue(readobj.contains("Name: " + dll), () -> dll + " missing in " + readobj);
        }
    }

    @Test
    void readsMsvcBuiltImagesForX64AndX86() throws Exception {
        for (String name : List.of("simpledll-x64.dll", "simpledll-x86.dll")) {
            Path real = NativeTools.resource(dir, "third-party/delvewheel/" + name);
            assertEquals(Pefile.describe(real), Pefile.describe(PeFile.read(real)), name);
        }
        PeFile x86 = PeFile.read(dir.resolve("simpledll-x86.dll"));
        assertFalse(x86.pe32Plus());
        assertEquals("x86", x86.architecture());
        assertEquals(List.of("VCRUNTIME140.dll", "api-ms-win-crt-stdio-l1-1-0.dll",
                "api-ms-win-crt-runtime-l1-1-0.dll", "KERNEL32.dll"), x86.neededDlls());
    }

    @Test
    void readsDelayLoadImportsOfArm64Images() throws Exception {
        Path tiny = dir.resolve("tiny.dll");
        Files.write(tiny, PeFixtures.tinyDelayLoading());
        PeFile pe = PeFile.read(tiny);

        assertEquals(Pefile.describe(tiny), Pefile.describe(pe));
        assertEquals("arm64", pe.architecture());
        assertEquals(List.of("late.dll"), pe.neededDlls());
        assertTrue(pe.delayImports().get(0).delayLoad());
    }

    @Test
    void namesTheBrokenStructure() {
        byte[] good = PeFixtures.tinyDelayLoading();

        byte[] noPe = good.clone();
        noPe[0x40] = 'X';
        assertMessage(noPe, "no PE signature at offset 0x40");

        byte[] nameOutside = good.clone();
        ByteBuffer.wrap(nameOutside).order(ByteOrder.LITTLE_ENDIAN).putInt(0x204, 0x7000);
        assertMessage(nameOutside, "delay-loaded DLL name at RVA 0x7000 lies in no section's file data");

        byte[] unterminated = good.clone();
        for (int i = 0x240; i < 0x400; i++) {
            unterminated[i] = 'a';
        }
        assertMessage(unterminated, "has no terminating NUL");

        byte[] wrongMagic = good.clone();
        wrongMagic[0x58] = 0x0b;
        wrongMagic[0x59] = 0x03;
        assertMessage(wrongMagic, "optional header magic 0x30b is neither PE32");
    }

    private static void assertMessage(byte[] bytes, String expected) {
        PeFormatException e = assertThrows(PeFormatException.class, () -> PeFile.parse(Path.of("x.dll"), bytes));
        assertTrue(e.getMessage().startsWith("x.dll: ") && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void tellsImagesFromOtherBytes() throws IOException {
        assertTrue(PeFile.hasMagic(new byte[] {'M', 'Z', 0}));
        assertFalse(PeFile.hasMagic(new byte[] {0x7f, 'E'}));
    }
}
