package dev.rustwheel.binary.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * readelf's view of a patched file's segments, for the patcher tests: the loader trusts the program headers,
 * and readelf warns about most of the ways they can be inconsistent (a PT_PHDR outside any PT_LOAD, a
 * PT_DYNAMIC not matching .dynamic, unsorted PT_LOADs).
 */
public final class ReadelfLayout {

    private ReadelfLayout() {
    }

    /** The number of PT_LOAD segments, asserting that readelf printed no warning or error. */
    public static int loadSegments(Path file) throws IOException, InterruptedException {
        String segments = cleanRun(file, "--program-headers", "--dynamic", "--section-headers", "--version-info");
        return (int) segments.lines().filter(l -> l.trim().startsWith("LOAD ")).count();
    }

    private static String cleanRun(Path file, String... options) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("readelf", ".err");
        try {
            List<String> command = new java.util.ArrayList<>(List.of("readelf", "--wide"));
            command.addAll(List.of(options));
            command.add(file.toString());
            Process process;
            try {
                process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            } catch (IOException e) {
                assumeTrue(false, "readelf is not available: " + e.getMessage());
                throw e;
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), output);
            String stderr = Files.readString(errors);
            assertTrue(stderr.isBlank(), () -> "readelf complained about " + file + ":\n" + stderr);
            assertTrue(!output.contains("Warning") && !output.contains("Error"), output);
            return output;
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
