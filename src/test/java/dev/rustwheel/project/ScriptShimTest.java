package dev.rustwheel.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shim, run by a real python3 with a fake site-packages on its path and a shell script as the executable. */
class ScriptShimTest {

    /** Cargo allows neither, but the names reach a Python string literal, so quoting must hold. */
    private static final String NAME = "fp \"cli\\";

    @TempDir
    Path dir;

    @Test
    void startsAsPipExpectsAScriptToStart() {
        String shim = ScriptShim.render("fp.scripts", "fp-cli");
        assertTrue(shim.startsWith("#!python\n"), "pip rewrites only a #!python line:\n" + shim);
        assertTrue(shim.contains("RELATIVE = (\"fp.scripts\", \"fp-cli\")"), shim);
        assertTrue(shim.contains("os.execv(executable, sys.argv)"), shim);
    }

    @Test
    void replacesItselfWithTheExecutableFoundOnThePathKeepingTheArguments() throws Exception {
        Path site = dir.resolve("site");
        Path executable = Files.createDirectories(site.resolve("fp.scripts")).resolve(NAME);
        Files.writeString(executable, "#!/bin/sh\necho \"$#|$1|$2\"\n");
        assertTrue(executable.toFile().setExecutable(true));
        Path shim = Files.writeString(dir.resolve("fp-cli"), ScriptShim.render("fp.scripts", NAME));

        Run run = python(site, shim.toString(), "one", "two words");
        assertEquals(0, run.exitCode(), run.output());
        assertEquals("2|one|two words\n", run.output());
    }

    @Test
    void namesWhatItLookedForWhenTheExecutableIsGone() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Path shim = Files.writeString(dir.resolve("fp-cli"), ScriptShim.render("fp.scripts", "fp-cli"));

        Run run = python(site, shim.toString());
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().startsWith("cannot find fp.scripts/fp-cli in "), run.output());
        assertTrue(run.output().contains(site.toString()), run.output());
        assertTrue(run.output().contains("reinstall the package that provides this command"), run.output());
    }

    private record Run(int exitCode, String output) {
    }

    private static Run python(Path pythonPath, String... arguments) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", "-S"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PYTHONPATH", pythonPath.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            Assumptions.abort("python3 cannot run here: " + e.getMessage());
            throw new AssertionError(e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
