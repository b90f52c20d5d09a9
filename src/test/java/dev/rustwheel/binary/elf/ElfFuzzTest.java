package dev.rustwheel.binary.elf;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.linux.Auditor;
import dev.rustwheel.audit.linux.Policies;
import dev.rustwheel.audit.linux.SearchPaths;
import dev.rustwheel.binary.elf.patch.ElfEdits;
import dev.rustwheel.binary.elf.patch.ElfPatcher;
import dev.rustwheel.binary.elf.patch.SearchPathEdit;
import dev.rustwheel.binary.elf.symbols.SymbolVersionsTest;
import dev.rustwheel.overlay.Overlay;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random corruptions of a corpus built here (gcc with GNU ld, gold and lld; libraries and executables, PIE and
 * not; aarch64, i686, arm, riscv64, big-endian ppc64 and mips through clang and lld's cross targets). Each mutant
 * goes through everything a build does with an ELF file: read, audit, plan a patch and apply it. Each step must
 * succeed or fail with a typed {@link ElfFileException} / {@link AuditException}, never anything else, never
 * hang; every applied patch is re-read by readelf, which must find nothing wrong that it did not find in the
 * mutant itself. The budget is a few thousand mutants with a fixed seed; {@code bench/elf-fuzz.sh} runs more,
 * with other seeds ({@code -Drustwheel.fuzz.mutants}, {@code -Drustwheel.fuzz.seed},
 * {@code -Drustwheel.fuzz.readelfEvery}).
 */
class ElfFuzzTest {

    private static final long SEED = Long.decode(System.getProperty("rustwheel.fuzz.seed", "0x5eede1f"));
    private static final int MUTANTS = Integer.getInteger("rustwheel.fuzz.mutants", 2500);
    /** Every applied patch is re-read by readelf by default; long runs may sample (two processes a check). */
    private static final int READELF_EVERY = Integer.getInteger("rustwheel.fuzz.readelfEvery", 1);
    private static final String[][] CROSS_TARGETS = {
        {"aarch64-linux-gnu"}, {"i686-linux-gnu"}, {"arm-linux-gnueabihf"}, {"riscv64-linux-gnu"},
        {"powerpc64-linux-gnu"}, {"mips-linux-gnu"},
    };

    @TempDir
    Path dir;

    private final Map<String, Integer> counts = new LinkedHashMap<>();

    /** A hang fails the run: far more time than the mutants need, even on a loaded machine. */
    @Test
    void mutantsAreReadAuditedAndPatchedOrRefusedCleanly() {
        assertTimeoutPreemptively(Duration.ofSeconds(240 + MUTANTS / 10), this::fuzz);
    }

    private void fuzz() throws Exception {
        List<Path> corpus = corpus(Files.createDirectories(dir.resolve("corpus")));
        List<byte[]> originals = new ArrayList<>();
        for (Path file : corpus) {
            originals.add(Files.readAllBytes(file));
            originals.add(ElfFileTest.withoutSectionHeaders(Files.readAllBytes(file)));
        }
        Auditor auditor = new Auditor(Policies.bundled(),
                new SearchPaths(List.of(), List.of(), List.of(), List.of()));
        Random random = new Random(SEED);
        Path mutant = dir.resolve("mutant");
        Path patched = dir.resolve("patched");
        try (FileChannel out = FileChannel.open(mutant, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (int i = 0; i < MUTANTS; i++) {
                byte[] bytes = mutate(originals.get(i % originals.size()), random);
                // rewriting one open file in place is several times faster than creating it anew each time
                out.truncate(bytes.length).write(ByteBuffer.wrap(bytes), 0);
                try {
                    check(mutant, patched, auditor, i);
                } catch (Exception | Error e) {
                    // the mutations are a deterministic function of SEED, so the iteration number reproduces it
                    fail("mutant " + i + " of " + corpus.get(i % originals.size() / 2).getFileName() + " (seed 0x"
                            + Long.toHexString(SEED) + ") threw " + e, e);
                }
            }
        }
        System.out.println("ElfFuzzTest: " + MUTANTS + " mutants of " + corpus.size() + " files (seed 0x"
                + Long.toHexString(SEED) + "): " + counts);
        assertTrue(counts.getOrDefault("patch applied", 0) > MUTANTS / 20, counts::toString);
    }

    private void check(Path mutant, Path patched, Auditor auditor, int i) throws Exception {
        try (ElfFile elf = ElfFile.open(mutant)) {
            elf.dynamicSection();
            elf.exportedSymbols();
            elf.versionRequirements();
            elf.importedSymbols();
            elf.interpreter();
            elf.libc();
            count("read");
        } catch (ElfFormatException refused) {
            count("read refused");
            return;
        }
        try {
            auditor.audit(List.of(mutant), Optional.empty());
            count("audited");
        } catch (AuditException | ElfFileException refused) {
            count("audit refused");
        }
        Overlay overlay;
        try {
            overlay = ElfPatcher.plan(mutant, edits(mutant));
        } catch (ElfFileException refused) {
            count("patch refused");
            return;
        }
        Files.deleteIfExists(patched);
        overlay.writePatchedCopy(mutant, patched);
        count("patch applied");
        try (ElfFile elf = ElfFile.open(patched)) {
            elf.dynamicSection();
            elf.importedSymbols();
        }
        if (i % READELF_EVERY == 0) {
            Set<String> before = readelfComplaints(mutant);
            Set<String> after = readelfComplaints(patched);
            after.removeAll(before);
            assertTrue(after.isEmpty(), () -> "readelf complains about the patched mutant " + i + ": " + after);
            count("patch checked by readelf");
        }
    }

    /** Every edit repair makes: each needed library renamed, a new SONAME and an RPATH. */
    private static ElfEdits edits(Path file) throws IOException {
        ElfEdits edits = ElfEdits.none().withSoname("libfuzz-0123abcd.so")
                .withSearchPath(SearchPathEdit.rpath("$ORIGIN/../fuzz.libs"));
        try (ElfFile elf = ElfFile.open(file)) {
            for (String needed : elf.dynamicSection().needed()) {
                if (!needed.isEmpty()) {
                    edits = edits.replaceNeeded(needed, "fuzz-" + needed);
                }
            }
        }
        return edits;
    }

    private void count(String what) {
        counts.merge(what, 1, Integer::sum);
    }

    /**
     * readelf's warnings and errors about {@code file}, the file name and numbers left out: a patched mutant may
     * keep the mutant's own defects at other offsets, but must not gain new kinds.
     */
    private static Set<String> readelfComplaints(Path file) throws IOException, InterruptedException {
        Path errors = file.resolveSibling(file.getFileName() + ".readelf-errors");
        Process process = new ProcessBuilder("readelf", "--wide", "--file-header", "--program-headers",
                "--section-headers", "--dynamic", "--version-info", file.toString())
                .redirectError(errors.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Set<String> complaints = new LinkedHashSet<>();
        // readelf does not always end a warning with a newline before the next one: split on its prefix too
        for (String line : (output + "\n" + Files.readString(errors)).split("\n|(?=readelf: )")) {
            if (line.contains("Warning") || line.contains("Error")) {
                complaints.add(line.replace(file.toString(), "FILE").replaceAll("0x[0-9a-f]+|\\d+", "N").trim());
            }
        }
        return complaints;
    }

    /**
     * Most bytes of a file are code no reader looks at, so most mutations aim at the ELF header, the program
     * headers and the section headers, and use the values that break range checks: 0, 0xff, high bits.
     */
    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(8);
        for (int e = 0; e < edits; e++) {
            int position = switch (random.nextInt(3)) {
                case 0 -> random.nextInt(Math.min(bytes.length, 64 + 56 * 12));
                case 1 -> bytes.length - 1 - random.nextInt(Math.min(bytes.length, 64 * 40));
                default -> random.nextInt(bytes.length);
            };
            bytes[position] = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> (byte) 0xff;
                case 2 -> (byte) 0x80;
                default -> (byte) random.nextInt(256);
            };
        }
        if (random.nextInt(10) == 0) {
            return Arrays.copyOf(bytes, random.nextInt(bytes.length));
        }
        return bytes;
    }

    /** The files every mutant derives from; a toolchain that is missing here costs its files, not the test. */
    private static List<Path> corpus(Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        files.add(Gcc.sharedLibrary(dir, "libdemo.so", Gcc.DEMO_SOURCE + SymbolVersionsTest.VERSIONED_SOURCE,
                "-Wl,-rpath,/x", "-Wl,--no-as-needed", "-lm"));
        for (PatchFixtures.Linker linker : PatchFixtures.Linker.values()) {
            PatchFixtures.Pair pair = PatchFixtures.build(dir.resolve(linker.name()), linker,
                    PatchFixtures.OldSearchPath.RUNPATH);
            files.add(pair.main());
            files.add(Gcc.pieExecutable(dir.resolve(linker.name()), "tool",
                    "#include <stdio.h>\nint main(void) { return puts(\"x\"); }\n", linker.flags.toArray(String[]::new)));
        }
        optional(files, () -> Gcc.sharedLibrary(Files.createDirectories(dir.resolve("gold")), "libgold.so",
                SymbolVersionsTest.VERSIONED_SOURCE, "-fuse-ld=gold", "-Wl,-rpath,/gold"));
        optional(files, () -> Gcc.fixedAddressExecutable(Files.createDirectories(dir.resolve("exec")), "fixed",
                "#include <stdio.h>\nint main(void) { return puts(\"x\"); }\n"));
        for (String[] target : CROSS_TARGETS) {
            optional(files, () -> crossLibrary(Files.createDirectories(dir.resolve(target[0])), target[0]));
        }
        return files;
    }

    private interface Build {
        Path run() throws Exception;
    }

    private static void optional(List<Path> files, Build build) {
        try {
            files.add(build.run());
        } catch (Exception e) {
            // Gcc's assumption failed, or the toolchain lacks the target: the rest of the corpus still runs
            System.out.println("ElfFuzzTest: corpus file skipped: " + e.getMessage());
        }
    }

    /** A library for another architecture, needing a versioned symbol of another: clang and lld, no libc. */
    private static Path crossLibrary(Path dir, String target) throws Exception {
        Path map = Files.writeString(dir.resolve("dep.map"), "DEP_1.0 { global: dep_value; local: *; };\n");
        Files.writeString(dir.resolve("dep.c"), "int dep_value(void) { return 1; }\n");
        Files.writeString(dir.resolve("main.c"), "int dep_value(void);\nint PyInit_main(void) { return dep_value(); }\n");
        List<String> common = List.of("clang", "--target=" + target, "-fuse-ld=lld", "-nostdlib", "-shared", "-fPIC");
        String failure = Gcc.run(with(common, "-o", dir.resolve("libdep.so").toString(), dir.resolve("dep.c").toString(),
                "-Wl,-soname,libdep.so.1", "-Wl,--version-script=" + map));
        if (failure == null) {
            failure = Gcc.run(with(common, "-o", dir.resolve("libmain.so").toString(),
                    dir.resolve("main.c").toString(), "-L" + dir, "-l:libdep.so", "-Wl,-rpath,$ORIGIN/../lib"));
        }
        if (failure != null) {
            throw new IOException(target + ": " + failure);
        }
        return dir.resolve("libmain.so");
    }

    private static List<String> with(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }
}
