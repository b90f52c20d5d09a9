package dev.rustwheel.binary.elf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** binutils' readelf as the oracle the reader is checked against; tests using it skip where it is absent. */
public final class Readelf {

    private static final Set<String> EXPORTED_BINDINGS = Set.of("GLOBAL", "WEAK", "UNIQUE");
    private static final Set<String> EXPORTED_VISIBILITIES = Set.of("DEFAULT", "PROTECTED");
    private static final Pattern DYNAMIC_STRING = Pattern.compile("\\((NEEDED|SONAME|RPATH|RUNPATH)\\).*\\[(.*)]");
    private static final Pattern VERNEED_FILE = Pattern.compile("Version: \\d+\\s+File: (\\S+)\\s+Cnt:");
    private static final Pattern VERNEED_NAME = Pattern.compile("^\\s+0x\\p{XDigit}+:\\s+Name: (\\S+)\\s+Flags:");
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*\\d+]\\s(\\S*)\\s");

    private Readelf() {
    }

    /** Names in .dynsym that are defined, global or weak, and default or protected, versions stripped. */
    public static List<String> exportedSymbols(Path file) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (String line : run("--dyn-syms", file)) {
            // Num: Value Size Type Bind Vis Ndx Name
            String[] f = line.trim().split("\\s+");
            if (f.length < 8 || !f[0].endsWith(":") || !f[0].matches("\\d+:")) {
                continue;
            }
            if (!f[6].equals("UND") && EXPORTED_BINDINGS.contains(f[4]) && EXPORTED_VISIBILITIES.contains(f[5])) {
                names.add(f[7].replaceAll("@.*", ""));
            }
        }
        return names;
    }

    /** {@code "NEEDED libm.so.6"}, {@code "RPATH /x"}… in file order. */
    public static List<String> dynamicStrings(Path file) throws IOException, InterruptedException {
        List<String> entries = new ArrayList<>();
        for (String line : run("--dynamic", file)) {
            Matcher m = DYNAMIC_STRING.matcher(line);
            if (m.find()) {
                entries.add(m.group(1) + " " + m.group(2));
            }
        }
        return entries;
    }

    /** Section names in index order, the null section's empty name first. */
    static List<String> sectionNames(Path file) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (String line : run("--section-headers", file)) {
            Matcher m = SECTION.matcher(line);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** {@code "libc.so.6: GLIBC_2.2.5 GLIBC_2.14"} per Verneed entry of {@code --version-info}, in file order. */
    public static List<String> versionNeeds(Path file) throws IOException, InterruptedException {
        List<String> needs = new ArrayList<>();
        for (String line : run("--version-info", file)) {
            Matcher fileLine = VERNEED_FILE.matcher(line);
            Matcher nameLine = VERNEED_NAME.matcher(line);
            if (fileLine.find()) {
                needs.add(fileLine.group(1) + ":");
            } else if (nameLine.find() && !needs.isEmpty()) {
                needs.set(needs.size() - 1, needs.get(needs.size() - 1) + " " + nameLine.group(1));
            }
        }
        return needs;
    }

    private static List<String> run(String option, Path file) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("readelf", "--wide", option, file.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "readelf is not available: " + e.getMessage());
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(process.waitFor() == 0, () -> "readelf failed: " + output);
        return output.lines().toList();
    }
}
