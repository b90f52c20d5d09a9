package dev.rustwheel.audit.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.binary.elf.ElfFormatException;
import dev.rustwheel.binary.elf.Gcc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names from ELF files are bytes: a real library linked with {@code -rpath …/café} is audited under a UTF-8
 * locale, and under {@code LC_ALL=C} (common in containers and CI) fails with a typed message naming the file,
 * the escaped name and the fix; a name that is not UTF-8 at all is reported byte for byte.
 */
class NonAsciiNamesTest {

    @TempDir
    Path dir;

    private Path libraryWithCafeRunpath() throws Exception {
        Path cafe = Files.createDirectories(dir.resolve("café"));
        Gcc.sharedLibrary(cafe, "libdep.so", "int dep(void) { return 1; }\n", "-Wl,-soname,libdep.so");
        return Gcc.sharedLibrary(dir, "libtop.so", "int dep(void);\nint top(void) { return dep(); }\n",
                "-L" + cafe, "-ldep", "-Wl,--enable-new-dtags", "-Wl,-rpath," + cafe);
    }

    @Test
    void findsLibrariesThroughANonAsciiRunpathUnderUtf8() throws Exception {
        Path top = libraryWithCafeRunpath();
        Map<String, ResolvedLibrary> libraries = new LibraryResolver(SearchPaths.of(Path.of("/"), null, List.of()))
                .resolve(List.of(ElfSummary.read(top)));
        assertEquals(Optional.of(dir.resolve("café/libdep.so")), libraries.get("libdep.so").path());
    }

    /** Another JVM under {@code LC_ALL=C}: its file name encoding is ASCII, as Maven's would be there. */
    @Test
    void reportsANonAsciiRunpathUnderTheCLocale() throws Exception {
        Path top = libraryWithCafeRunpath();
        String output = runUnderCLocale(top);
        assertTrue(output.startsWith("AuditException: " + top + ": its DT_RUNPATH entry '" + dir
                + "/caf\\xc3\\xa9' cannot be a path under this JVM's file name encoding (ANSI_X3.4-1968"), output);
        assertTrue(output.contains("Run Maven under a UTF-8 locale (for example LC_ALL=C.UTF-8)"), output);
    }

    @Test
    void reportsANameThatIsNotUtf8ByteForByte() throws Exception {
        Path top = Gcc.sharedLibrary(dir, "libtop.so", "int top(void) { return 1; }\n",
                "-Wl,--enable-new-dtags", "-Wl,-rpath,/opt/cafX/lib");
        byte[] bytes = Files.readAllBytes(top);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        bytes[text.indexOf("/opt/cafX/lib") + 8] = (byte) 0xe9; // Latin-1 é: no UTF-8 decoder accepts it alone
        Path latin1 = Files.write(dir.resolve("liblatin1.so"), bytes);
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ElfSummary.read(latin1));
        assertTrue(e.getMessage().startsWith(latin1 + ": DT_RUNPATH '/opt/caf\\xe9/lib' (dynamic string table"),
                e.getMessage());
        assertTrue(e.getMessage().contains("is not UTF-8"), e.getMessage());
    }

    private static String runUnderCLocale(Path library) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), AuditInCLocale.class.getName(),
                library.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        return output;
    }

    /** Audits one library and prints the exception's type and message. */
    static final class AuditInCLocale {
        public static void main(String[] args) throws Exception {
            try {
                new Auditor(Policies.bundled(), SearchPaths.of(Path.of("/"), null, List.of()))
                        .audit(List.of(Path.of(args[0])), Optional.empty());
                System.out.println("audited");
            } catch (Exception e) {
                System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
