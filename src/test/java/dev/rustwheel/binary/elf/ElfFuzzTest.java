package dev.rustwheel.binary.elf;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random corruptions of a real library: each must either parse or fail with ElfFormatException, never with
 * another exception, and never hang (the loop is bounded by count; the timeout only catches a hang).
 */
class ElfFuzzTest {

    private static final long SEED = 0x5eed_e1fL;
    private static final int MUTATIONS = 3000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedLibrariesParseOrFailCleanly() throws Exception {
        Path lib = Gcc.sharedLibrary(dir, "libdemo.so", Gcc.DEMO_SOURCE + SymbolVersionsTest.VERSIONED_SOURCE,
                "-Wl,-rpath,/x", "-Wl,--no-as-needed", "-lm");
        byte[] original = Files.readAllBytes(lib);
        byte[] headerless = ElfFileTest.withoutSectionHeaders(original.clone());
        Random random = new Random(SEED);
        Path mutant = dir.resolve("mutant.so");
        try (FileChannel out = FileChannel.open(mutant, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (int i = 0; i < MUTATIONS; i++) {
                byte[] bytes = mutate(i % 4 == 0 ? headerless : original, random);
                // rewriting one open file in place is several times faster than creating it anew each time
                out.truncate(bytes.length).write(ByteBuffer.wrap(bytes), 0);
                parseOrFailCleanly(mutant, i);
            }
        }
    }

    private static void parseOrFailCleanly(Path mutant, int i) {
        try (ElfFile elf = ElfFile.open(mutant)) {
            elf.dynamicSection();
            elf.exportedSymbols();
            elf.versionRequirements();
            elf.importedSymbols();
            elf.libc();
        } catch (ElfFormatException expected) {
            // a clean rejection is a pass
        } catch (Exception | Error e) {
            // the mutations are a deterministic function of SEED, so the iteration number reproduces it
            fail("mutation " + i + " (seed 0x" + Long.toHexString(SEED) + ") threw " + e, e);
        }
    }

    /**
     * Most bytes of a library are code no reader looks at, so most mutations aim at the ELF header, the
     * program headers and the section headers, and use the values that break range checks: 0, 0xff, high bits.
     */
    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(8);
        for (int e = 0; e < edits; e++) {
            int position = switch (random.nextInt(3)) {
                case 0 -> random.nextInt(64 + 56 * 12);
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
}
