package dev.rustwheel.binary.macho;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.binary.Mutants;
import dev.rustwheel.binary.NativeTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thousands of malformed Mach-O files: the reader rejects each with its own typed error, or reads it. */
class MachOFuzzTest {

    private static final int MUTANTS_PER_FILE = 3000;

    @TempDir
    Path dir;

    @Test
    void malformedFilesGiveTypedErrorsOnly() throws Exception {
        List<byte[]> seeds = List.of(
                Files.readAllBytes(NativeTools.resource(dir, "third-party/delocate/np-1.6.0_intel_lib__compiled_base.so")),
                Files.readAllBytes(NativeTools.resource(dir, "third-party/delocate/libam1.dylib")),
                MachOFileTest.bigEndianPpcLibrary("/usr/lib/libfoo.dylib"));
        int[] rejected = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            long seed = 13;
            for (byte[] original : seeds) {
                Mutants mutants = new Mutants(original, seed++, 4096);
                for (int i = 0; i < MUTANTS_PER_FILE; i++) {
                    byte[] mutant = mutants.next();
                    try {
                        MachOFile.parse(Path.of("mutant-" + i), mutant);
                    } catch (MachOFormatException expected) {
                        rejected[0]++;
                    } catch (Throwable other) {
                        throw new AssertionError("mutant " + i + " of seed " + (seed - 1) + " threw " + other, other);
                    }
                }
            }
        });
        // mutating header bytes must actually hit the checks, or this test could not fail
        assertTrue(rejected[0] > MUTANTS_PER_FILE / 2, "only " + rejected[0] + " mutants were rejected");
    }
}
