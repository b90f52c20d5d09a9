package dev.rustwheel.binary.elf.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.binary.elf.ElfClass;
import dev.rustwheel.binary.elf.ElfFile;
import dev.rustwheel.binary.elf.ElfFormatException;
import dev.rustwheel.binary.elf.Gcc;
import dev.rustwheel.binary.elf.Readelf;
import dev.rustwheel.binary.elf.TinyElf64;
import dev.rustwheel.binary.elf.VersionNeedBomb;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbol versions, imports and the C library kind, on libraries gcc builds here, checked against readelf. */
public class SymbolVersionsTest {

    /** memcpy is versioned GLIBC_2.14 on x86-64, getrandom GLIBC_2.25 everywhere; a weak import too. */
    public static final String VERSIONED_SOURCE = """
            #include <string.h>
            #include <sys/random.h>
            extern int maybe_there(void) __attribute__((weak));
            int PyInit_versioned(void) { return 1; }
            void copy(void *to, const void *from, size_t n) { memcpy(to, from, n); }
            long fill(void *to, size_t n) { return getrandom(to, n, 0) + (maybe_there ? maybe_there() : 0); }
            """;

    @TempDir
    Path dir;

    @Test
    void versionRequirementsMatchReadelf() throws Exception {
        Path lib = Gcc.sharedLibrary(dir, "libversioned.so", VERSIONED_SOURCE);
        try (ElfFile elf = ElfFile.open(lib)) {
            List<String> ours = elf.versionRequirements().stream()
                    .map(r -> r.library() + ":" + r.versions().stream().map(v -> " " + v).reduce("", String::concat))
                    .toList();
            assertEquals(Readelf.versionNeeds(lib), ours);
            VersionRequirement libc = elf.versionRequirements().stream()
                    .filter(r -> r.library().equals("libc.so.6")).findFirst().orElseThrow();
            assertTrue(libc.versions().contains("GLIBC_2.25"), libc.toString());
            assertEquals(LibcKind.GLIBC, elf.libc());
            assertEquals(Optional.empty(), elf.interpreter(), "a shared library has no interpreter");
        }
    }

    @Test
    void importsCarryTheirVersionAndLibrary() throws Exception {
        Path lib = Gcc.sharedLibrary(dir, "libversioned.so", VERSIONED_SOURCE);
        try (ElfFile elf = ElfFile.open(lib)) {
            List<ImportedSymbol> imports = elf.importedSymbols();
            assertTrue(imports.contains(new ImportedSymbol("getrandom", "GLIBC_2.25", "libc.so.6", false)),
                    imports.toString());
            ImportedSymbol memcpy = imports.stream().filter(s -> s.name().equals("memcpy")).findFirst().orElseThrow();
            assertEquals("libc.so.6", memcpy.library());
            assertTrue(memcpy.version().startsWith("GLIBC_2."), memcpy.toString());
            assertTrue(imports.contains(new ImportedSymbol("maybe_there", null, null, true)), imports.toString());
            assertFalse(imports.stream().anyMatch(s -> s.name().equals("PyInit_versioned")), "defined, not imported");
        }
    }

    @Test
    void cxxLibraryNeedsGlibcxx() throws Exception {
        Path lib = Gcc.cxxSharedLibrary(dir, "libcxx.so", """
                #include <string>
                extern "C" unsigned long length_of(const char *s) { return std::string(s).size(); }
                """);
        try (ElfFile elf = ElfFile.open(lib)) {
            VersionRequirement stdcxx = elf.versionRequirements().stream()
                    .filter(r -> r.library().equals("libstdc++.so.6")).findFirst().orElseThrow();
            assertTrue(stdcxx.versions().stream().anyMatch(v -> v.startsWith("GLIBCXX_3.4")), stdcxx.toString());
            assertTrue(elf.importedSymbols().stream().anyMatch(s -> "libstdc++.so.6".equals(s.library())));
        }
    }

    @Test
    void thirtyTwoBitVersionsWithoutA32BitLibc() throws Exception {
        // no 32-bit libc needed: a stub library defines a versioned symbol, and the consumer links against it
        Path script = Files.writeString(dir.resolve("stub.map"), "STUB_1.0 { global: stub_value; local: *; };\n");
        Path stub = Gcc.sharedLibrary(dir, "libstub.so", "int stub_value(void) { return 7; }\n", "-m32",
                "-nostdlib", "-Wl,-soname,libstub.so.1", "-Wl,--version-script," + script);
        Path consumer = Gcc.sharedLibrary(dir, "libconsumer.so",
                "int stub_value(void);\nint PyInit_consumer(void) { return stub_value(); }\n", "-m32", "-nostdlib",
                "-L" + dir, "-l:" + stub.getFileName());
        try (ElfFile elf = ElfFile.open(consumer)) {
            assertEquals(ElfClass.ELF32, elf.header().elfClass());
            assertEquals(Optional.of("i686"), elf.architecture());
            assertEquals(List.of(new VersionRequirement("libstub.so.1", List.of("STUB_1.0"))),
                    elf.versionRequirements());
            assertEquals(Readelf.versionNeeds(consumer), List.of("libstub.so.1: STUB_1.0"));
            assertEquals(List.of(new ImportedSymbol("stub_value", "STUB_1.0", "libstub.so.1", false)),
                    elf.importedSymbols());
            assertEquals(LibcKind.NONE, elf.libc());
        }
    }

    @Test
    void executableNamesItsInterpreter() throws Exception {
        Path exe = Gcc.sharedLibrary(dir, "demo-exe", "int main(void) { return 0; }\n", "-pie");
        try (ElfFile elf = ElfFile.open(exe)) {
            assertTrue(elf.interpreter().orElseThrow().contains("ld-linux"), elf.interpreter().toString());
            assertEquals(LibcKind.GLIBC, elf.libc());
        }
    }

    @Test
    void muslAndUnknownLibcFromNeededLibraries() throws Exception {
        Path musl = Files.write(dir.resolve("musl.so"), new TinyElf64(ByteOrder.LITTLE_ENDIAN, 62)
                .needed("libc.musl-x86_64.so.1").build());
        Path none = Files.write(dir.resolve("none.so"), new TinyElf64(ByteOrder.BIG_ENDIAN, TinyElf64.EM_S390)
                .needed("libfoo.so").build());
        try (ElfFile a = ElfFile.open(musl); ElfFile b = ElfFile.open(none)) {
            assertEquals(LibcKind.MUSL, a.libc());
            assertEquals(LibcKind.NONE, b.libc());
            assertEquals(List.of(), b.versionRequirements(), "no DT_VERNEED: nothing versioned");
        }
    }

    @Test
    void aGibibyteLibraryIsReadOnlyWhereNeeded() throws Exception {
        Path lib = Gcc.sharedLibrary(dir, "libversioned.so", VERSIONED_SOURCE);
        long original = Files.size(lib);
        try (RandomAccessFile file = new RandomAccessFile(lib.toFile(), "rw")) {
            file.setLength(1L << 30); // sparse: the tail is a hole, as a huge debug section would be to the reader
        }
        try (ElfFile elf = ElfFile.open(lib)) {
            elf.versionRequirements();
            elf.importedSymbols();
            elf.exportedSymbols();
            elf.libc();
            assertTrue(elf.bytesRead() <= original, "read " + elf.bytesRead() + " bytes of a library whose"
                    + " structures fit in its first " + original);
        }
    }

    @Test
    void malformedVersionNeedsNameTheFile() throws Exception {
        Path lib = Gcc.sharedLibrary(dir, "libversioned.so", VERSIONED_SOURCE);
        byte[] original = Files.readAllBytes(lib);
        int verneed = sectionOffset(original, 0x6ffffffe);
        assertFails(lib, original, b -> b.putShort(verneed, (short) 2), "has vn_version 2, expected 1");
        assertFails(lib, original, b -> b.putShort(verneed + 2, (short) 0x7fff), "declares 32767 versions, more than");
        assertFails(lib, original, b -> b.putShort(verneed + 2, (short) (b.getShort(verneed + 2) + 1)),
                "but its chain ends after");
        assertFails(lib, original, b -> b.putInt(verneed + 4, 0x7fff_0000), "is outside the table");
        assertFails(lib, original, b -> b.putInt(verneed + 8, 0x7fff_0000), "ends past the end of the file");
    }

    /**
     * 64 needs sharing one table of 65,535 versions: refused once the versions declared outnumber the records the
     * file can hold, after reading about as much as the file holds, where a naive reader would read 4 million
     * records; a small shared table is refused at its first record read twice.
     */
    @Test
    void versionNeedBombIsRefusedAfterReadingLittleMoreThanTheFile() throws Exception {
        Path lib = Gcc.sharedLibrary(dir, "libversioned.so", VERSIONED_SOURCE);
        Path bomb = VersionNeedBomb.write(lib, dir.resolve("libbomb.so"), 64, 65_535);
        try (ElfFile elf = ElfFile.open(bomb)) {
            ElfFormatException e = assertThrows(ElfFormatException.class, elf::versionRequirements);
            assertTrue(e.getMessage().contains("version need 1 (libc.so.6) declares 65535 versions, more than the"
                    + " file (" + Files.size(bomb) + " bytes) holds"), e.getMessage());
            assertTrue(elf.bytesRead() < 2 * Files.size(bomb), "read " + elf.bytesRead() + " bytes");
        }
        Path shared = VersionNeedBomb.write(lib, dir.resolve("libshared.so"), 3, 100);
        try (ElfFile elf = ElfFile.open(shared)) {
            ElfFormatException e = assertThrows(ElfFormatException.class, elf::versionRequirements);
            assertTrue(e.getMessage().contains("version need 1 (libc.so.6) auxiliary 0 at offset 0x"), e.getMessage());
            assertTrue(e.getMessage().contains("was already read: version chains overlap or loop"), e.getMessage());
        }
        // one need with as many versions as the file holds is honest, and costs one pass
        Path big = VersionNeedBomb.write(lib, dir.resolve("libbig.so"), 1, 65_535);
        try (ElfFile elf = ElfFile.open(big)) {
            assertEquals(65_535, elf.versionRequirements().get(0).versions().size());
            assertTrue(elf.bytesRead() < 2 * Files.size(big), "read " + elf.bytesRead() + " bytes");
        }
    }

    private void assertFails(Path lib, byte[] original, Consumer<ByteBuffer> patch, String expected)
            throws Exception {
        byte[] copy = original.clone();
        patch.accept(ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN));
        Path file = Files.write(dir.resolve("bad-" + lib.getFileName()), copy);
        try (ElfFile elf = ElfFile.open(file)) {
            ElfFormatException e = assertThrows(ElfFormatException.class, elf::importedSymbols);
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
            assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in " + e.getMessage());
        }
    }

    private static int sectionOffset(byte[] bytes, int type) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int shoff = (int) b.getLong(0x28);
        int count = Short.toUnsignedInt(b.getShort(0x3c));
        for (int i = 0; i < count; i++) {
            if (b.getInt(shoff + i * 64 + 4) == type) {
                return (int) b.getLong(shoff + i * 64 + 0x18);
            }
        }
        throw new AssertionError("no section of type 0x" + Integer.toHexString(type));
    }
}
