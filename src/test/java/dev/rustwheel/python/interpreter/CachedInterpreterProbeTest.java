package dev.rustwheel.python.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustwheel.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedInterpreterProbeTest {

    /** Debian's interpreter is a binary, not a wrapper script. */
    private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    private final List<String> runs = new ArrayList<>();
    @Test
    void anInterpreterFileIsProbedOnceUntilItChanges() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SYSTEM_PYTHON), SYSTEM_PYTHON + " is missing");
        Path python = Files.copy(SYSTEM_PYTHON, dir.resolve("python3"));
        CachedInterpreterProbe cached = cachedIn(dir.resolve("cache"));

        PythonInterpreter first = cached.probe(python.toString(), dir);
        assertEquals(first, cached.probe(python.toString(), dir));
        assertEquals(1, runs.size(), "the second answer comes from the cache: " + runs);

        Files.setLastModifiedTime(python, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        assertEquals(first, cached.probe(python.toString(), dir));
        assertEquals(2, runs.size(), "an interpreter with another mtime is probed again: " + runs);
    }

    /** pyenv's shims stay the same file while the interpreter they start changes. */
    @Test
    void aWrapperScriptIsProbedEveryTime() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SYSTEM_PYTHON), SYSTEM_PYTHON + " is missing");
        Path wrapper = Files.writeString(dir.resolve("python-wrapper"), "#!/bin/sh\nexec " + SYSTEM_PYTHON
                + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        CachedInterpreterProbe cached = cachedIn(dir.resolve("cache"));

        cached.probe(wrapper.toString(), dir);
        cached.probe(wrapper.toString(), dir);
        assertEquals(2, runs.size(), runs.toString());
    }

    @Test
    void aDamagedCacheEntryIsProbedAgain() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SYSTEM_PYTHON), SYSTEM_PYTHON + " is missing");
        Path cache = dir.resolve("cache");
        CachedInterpreterProbe cached = cachedIn(cache);
        PythonInterpreter first = cached.probe(SYSTEM_PYTHON.toString(), dir);
        try (var files = Files.list(cache)) {
            for (Path file : files.toList()) {
                Files.writeString(file, "garbage");
            }
        }
        assertEquals(first, cached.probe(SYSTEM_PYTHON.toString(), dir));
        assertEquals(2, runs.size(), runs.toString());
    }

    private CachedInterpreterProbe cachedIn(Path cache) {
        return new CachedInterpreterProbe(new InterpreterProbe(new ProcessRunner(command -> runs.add(command))),
                cache);
    }
}
