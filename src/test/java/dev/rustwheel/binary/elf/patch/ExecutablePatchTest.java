package dev.rustwheel.binary.elf.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rustwheel.binary.elf.ElfFile;
import dev.rustwheel.binary.elf.Gcc;
import dev.rustwheel.binary.elf.PatchFixtures.Linker;
import dev.rustwheel.binary.elf.PatchFixtures;
import dev.rustwheel.binary.elf.ProgramHeader;
import dev.rustwheel.binary.elf.ReadelfLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Patched executables must start where their wheel's tag promises, kernels before 5.18 included. Those
 * compute {@code AT_PHDR} as the first PT_LOAD's {@code p_vaddr - p_offset + e_phoff}; qemu-user does the same,
 * so running the patched file under {@code qemu-x86_64} stands in for such a kernel, and running it natively
 * for a current one.
 */
class ExecutablePatchTest {

    private static final String GRAFTED_DEP = "libdep-12345678.so";
    private static final String MAIN_SOURCE = """
            #include <stdio.h>
            int dep_value(void);
            int main(void) { printf("%d\\n", dep_value() + 1); return 0; }
            """;

    @TempDir
    Path dir;

    enum Kind { PIE, FIXED_ADDRESS }

    static List<Arguments> kindsAndLinkers() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Linker linker : Linker.values()) {
                cases.add(Arguments.of(kind, linker));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndLinkers")
    void patchedExecutableStartsOnOldAndNewKernels(Kind kind, Linker linker) throws Exception {
        Path build = dir.resolve("build");
        Path dep = PatchFixtures.build(build, linker, PatchFixtures.OldSearchPath.NONE).dep();
        List<String> flags = new ArrayList<>(linker.flags);
        flags.addAll(List.of("-Wl,--no-as-needed", "-L" + dep.getParent(), "-l:" + PatchFixtures.DEP,
                "-Wl,-rpath," + dep.getParent()));
        String[] flagArray = flags.toArray(String[]::new);
        Path exe = kind == Kind.PIE ? Gcc.pieExecutable(build, "tool", MAIN_SOURCE, flagArray)
                : Gcc.fixedAddressExecutable(build, "tool", MAIN_SOURCE, flagArray);

        int loadSegments = ReadelfLayout.loadSegments(exe);
        Path installed = Files.createDirectories(dir.resolve("installed"));
        Path patched = installed.resolve("tool");
        ElfPatcher.plan(dep, ElfEdits.none().withSoname(GRAFTED_DEP))
                .writePatchedCopy(dep, installed.resolve(GRAFTED_DEP));
        ElfPatcher.plan(exe, ElfEdits.none().replaceNeeded(PatchFixtures.DEP, GRAFTED_DEP)
                .withSearchPath(SearchPathEdit.rpath("$ORIGIN"))).writePatchedCopy(exe, patched);
        patched.toFile().setExecutable(true);
        Files.move(build, dir.resolve("build-gone"));

        assertEquals(loadSegments + 1, ReadelfLayout.loadSegments(patched));
        assertEquals(PatchFixtures.MAIN_VALUE + "\n", run(List.of(patched.toString())));
        assertEquals(PatchFixtures.MAIN_VALUE + "\n", run(List.of(qemu(), patched.toString())));
        assertProgramHeadersWhereOldKernelsLook(patched);
    }

    /** The first PT_LOAD's {@code p_vaddr - p_offset + e_phoff} is PT_PHDR's address, inside the new PT_LOAD. */
    static void assertProgramHeadersWhereOldKernelsLook(Path file) throws IOException {
        try (ElfFile elf = ElfFile.open(file)) {
            List<ProgramHeader> phdrs = elf.programHeaders();
            ProgramHeader first = phdrs.stream().filter(p -> p.type() == ProgramHeader.PT_LOAD).findFirst()
                    .orElseThrow();
            long oldKernelPhdr = first.virtualAddress() - first.offset() + elf.header().programHeaderOffset();
            ProgramHeader phdr = phdrs.stream().filter(p -> p.type() == 6).findFirst().orElseThrow();
            assertEquals(Long.toHexString(phdr.virtualAddress()), Long.toHexString(oldKernelPhdr));
            assertEquals(elf.header().programHeaderOffset(), phdr.offset());
            assertTrue(phdrs.stream().anyMatch(p -> p.type() == ProgramHeader.PT_LOAD
                    && p.offset() <= phdr.offset() && phdr.offset() + phdr.fileSize() <= p.offset() + p.fileSize()
                    && p.virtualAddress() - p.offset() == phdr.virtualAddress() - phdr.offset()),
                    () -> "no PT_LOAD maps the program header table: " + phdrs);
        }
    }

    /** Debian's qemu-user, which computes AT_PHDR as kernels before 5.18 do. */
    static String qemu() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/qemu-x86_64")),
                "qemu-x86_64 (Debian's qemu-user) is not installed");
        assumeTrue("amd64".equals(System.getProperty("os.arch")) || "x86_64".equals(System.getProperty("os.arch")),
                "the fixtures are built for this machine, and qemu-x86_64 runs only x86-64 programs");
        return "/usr/bin/qemu-x86_64";
    }

    /** The program's standard output, or its output and exit status when it fails. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "timed out: " + output;
        }
        return process.exitValue() == 0 ? output : "exit " + process.exitValue() + ": " + output;
    }
}
