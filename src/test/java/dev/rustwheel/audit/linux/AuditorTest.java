package dev.rustwheel.audit.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.binary.elf.Gcc;
import dev.rustwheel.binary.elf.TinyElf64;
import dev.rustwheel.binary.elf.symbols.ElfSymbol;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audits of libraries gcc builds here (x86-64 hosts), and of hand-built ones for other targets. */
class AuditorTest {

    private static final String GETRANDOM = """
            #include <sys/random.h>
            long fill(void *to, unsigned long n) { return getrandom(to, n, 0); }
            """;
    private static final String MEMCPY = """
            #include <string.h>
            void copy(void *to, const void *from, size_t n) { memcpy(to, from, n); }
            """;

    @TempDir
    Path dir;

    private final Policies policies = Policies.bundled();

    private AuditReport audit(Optional<Path> root, Path... files) throws Exception {
        return new Auditor(policies, SearchPaths.of(Path.of("/"), null, List.of())).audit(List.of(files), root);
    }

    private static void assumeX86(AuditReport report) {
        org.junit.jupiter.api.Assumptions.assumeTrue(report.architecture().equals(Optional.of("x86_64")),
                "the version tables below are x86-64's");
    }

    @Test
    void getrandomNeedsGlibc225SoTheBestTagIs226() throws Exception {
        AuditReport report = audit(Optional.empty(), Gcc.sharedLibrary(dir, "librandom.so", GETRANDOM));
        assumeX86(report);
        assertEquals(List.of("manylinux_2_26_x86_64"), report.platformTags());
        VersionUse highest = report.highestVersions().get("GLIBC");
        assertEquals("GLIBC_2.25", highest.version());
        assertEquals(List.of("getrandom"), highest.symbols());
        PolicyVerdict v217 = report.verdicts().get(2);
        assertEquals("manylinux_2_17", v217.policy().name());
        assertTrue(v217.tooRecent().stream().anyMatch(u -> u.version().equals("GLIBC_2.25")), v217.toString());
    }

    @Test
    void memcpyOfGlibc214GetsManylinux2014WithItsAlias() throws Exception {
        AuditReport report = audit(Optional.empty(), Gcc.sharedLibrary(dir, "libcopy.so", MEMCPY));
        assumeX86(report);
        assertEquals(List.of("manylinux_2_17_x86_64", "manylinux2014_x86_64"), report.platformTags());
        assertEquals(List.of(), report.externalLibraries());
    }

    @Test
    void anExternalLibraryNeedsRepairUnlessItShipsInsideTheWheel() throws Exception {
        Path wheel = Files.createDirectories(dir.resolve("wheel"));
        Path libs = Files.createDirectories(wheel.resolve("demo.libs"));
        Gcc.sharedLibrary(libs, "libextra.so", GETRANDOM, "-Wl,-soname,libextra.so");
        Path top = Gcc.sharedLibrary(wheel, "demo.so", "long fill(void *, unsigned long);\n"
                + "long top(void *p) { return fill(p, 1); }\n", "-L" + libs, "-lextra", "-Wl,-rpath,$ORIGIN/demo.libs");

        AuditReport outside = audit(Optional.empty(), top);
        assumeX86(outside);
        assertEquals(List.of("linux_x86_64"), outside.platformTags(), "libextra.so is on no whitelist");
        assertEquals(List.of("libextra.so"), outside.externalLibraries().stream().map(ExternalLibrary::soname).toList());
        assertEquals(Optional.of(libs.resolve("libextra.so")), outside.externalLibraries().get(0).path());
        // grafting libextra.so would bring its GLIBC_2.25 along, so manylinux_2_17 fails on versions too
        PolicyVerdict v217 = outside.verdicts().get(2);
        assertTrue(v217.tooRecent().stream().anyMatch(u -> u.file().equals(libs.resolve("libextra.so"))), v217.toString());
        assertEquals("manylinux_2_26", outside.bestCompliant().orElseThrow().policy().name());

        AuditReport inside = audit(Optional.of(wheel), top, libs.resolve("libextra.so"));
        assertEquals(List.of("manylinux_2_26_x86_64"), inside.platformTags());
    }

    @Test
    void blacklistedImportsFailOnlyTheOldPoliciesAndWeakOnesNever() throws Exception {
        Path strong = Files.write(dir.resolve("strong.so"), new TinyElf64(ByteOrder.LITTLE_ENDIAN, 62)
                .symbol("__cxa_thread_atexit_impl", ElfSymbol.STB_GLOBAL, ElfSymbol.STV_DEFAULT, false)
                .needed("libc.so.6").build());
        Path weak = Files.write(dir.resolve("weak.so"), new TinyElf64(ByteOrder.LITTLE_ENDIAN, 62)
                .symbol("__cxa_thread_atexit_impl", ElfSymbol.STB_WEAK, ElfSymbol.STV_DEFAULT, false)
                .needed("libc.so.6").build());

        AuditReport report = audit(Optional.empty(), strong);
        assertEquals(List.of(new BlacklistHit(strong, "libc.so.6", "__cxa_thread_atexit_impl")),
                report.verdicts().get(0).blacklisted());
        assertEquals(List.of("manylinux_2_24_x86_64"), report.platformTags());
        assertEquals(List.of("manylinux_2_5_x86_64", "manylinux1_x86_64"),
                audit(Optional.empty(), weak).platformTags());
    }

    @Test
    void bigEndianPpc64GetsTheFirstPolicyThatHasIt() throws Exception {
        Path file = Files.write(dir.resolve("be.so"), new TinyElf64(ByteOrder.BIG_ENDIAN, TinyElf64.EM_PPC64)
                .needed("libc.so.6").build());
        AuditReport report = audit(Optional.empty(), file);
        assertEquals(List.of("manylinux_2_17_ppc64", "manylinux2014_ppc64"), report.platformTags());
        assertEquals(List.of("manylinux_2_17"), report.verdicts().stream().map(v -> v.policy().name()).toList());
    }

    @Test
    void muslGetsMusllinux() throws Exception {
        Path file = Files.write(dir.resolve("musl.so"), new TinyElf64(ByteOrder.LITTLE_ENDIAN, 62)
                .needed("libc.musl-x86_64.so.1").build());
        assertEquals(List.of("musllinux_1_2_x86_64"), audit(Optional.empty(), file).platformTags());
    }

    @Test
    void filesOfDifferentArchitecturesAreRefused() throws Exception {
        Path x86 = Files.write(dir.resolve("a.so"), new TinyElf64(ByteOrder.LITTLE_ENDIAN, 62).build());
        Path s390 = Files.write(dir.resolve("b.so"), new TinyElf64(ByteOrder.BIG_ENDIAN, TinyElf64.EM_S390).build());
        AuditException e = assertThrows(AuditException.class, () -> audit(Optional.empty(), x86, s390));
        assertTrue(e.getMessage().contains(s390 + " is built for s390x but " + x86 + " for x86_64"), e.getMessage());
    }
}
