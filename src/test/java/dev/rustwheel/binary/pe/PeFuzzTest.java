package dev.rustwheel.binary.pe;

import dev.rustwheel.binary.BinaryInput;
import dev.rustwheel.binary.Mutants;
import dev.rustwheel.binary.NativeTools;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thousands of malformed PE images: the reader rejects each with its own typed error, or reads it. */
class PeFuzzTest {

    private static final int MUTANTS_PER_FILE = 3000;

    @TempDir
    Path dir;

    @Test
    void malformedImagesGiveTypedErrorsOnly() throws Exception {
        List<byte[]> seeds = List.of(
                Files.readAllBytes(NativeTools.resource(dir, "third-party/delvewheel/simpledll-x64.dll")),
                Files.readAllBytes(NativeTools.resource(dir, "third-party/delvewheel/simpledll-x86.dll")),
                PeFixtures.tinyDelayLoading());
        int[] rejected = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            long seed = 13;
            for (byte[] original : seeds) {
                Mutants mutants = new Mutants(original, seed++, 1024);
                for (int i = 0; i < MUTANTS_PER_FILE; i++) {
                    byte[] mutant = mutants.next();
                    try {
                        PeFile.parse(Path.of("mutant-" + i), mutant);
                        // the export name table, read only to find an extension module's PyInit_*
                        PeReader.exports(BinaryInput.of(Path.of("mutant-" + i), mutant, PeFormatException::new),
                                "PyInit_x");
                    } catch (PeFormatException expected) {
                        rejected[0]++;
                    } catch (Throwable other) {
                        throw new AssertionError("mutant " + i + " of seed " + (seed - 1) + " threw " + other, other);
                    }
                }
            }
        });
        assertTrue(rejected[0] > MUTANTS_PER_FILE / 2, "only " + rejected[0] + " mutants were rejected");
    }
}
