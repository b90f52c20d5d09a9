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
import java.util.Map;
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

    /**
     * A pyenv root as pyenv lays it out, with a shim in pyenv's own words and, for pyenv itself, a stand-in that
     * selects as pyenv does (PYENV_VERSION, the nearest .python-version, the global version file); versions a and b
     * are copies of the system interpreter.
     */
    private Path pyenvRoot() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SYSTEM_PYTHON), SYSTEM_PYTHON + " is missing");
        Path root = dir.resolve("pyenv");
        for (String version : List.of("a", "b")) {
            Path bin = Files.createDirectories(root.resolve("versions/" + version + "/bin"));
            Files.copy(SYSTEM_PYTHON, bin.resolve("python3"));
            Files.setLastModifiedTime(bin.resolve("python3"), FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        }
        Files.writeString(root.resolve("version"), "a\n");
        executable(root.resolve("libexec/pyenv"), """
                #!/usr/bin/env bash
                shift; program=$1; shift
                version=$PYENV_VERSION
                if [ -z "$version" ]; then
                  dir=$PWD
                  while [ -n "$dir" ] && [ ! -f "$dir/.python-version" ]; do dir=${dir%/*}; done
                  if [ -f "$dir/.python-version" ]; then version=$(cat "$dir/.python-version")
                  else version=$(cat "$PYENV_ROOT/version"); fi
                fi
                exec "$PYENV_ROOT/versions/$version/bin/$program" "$@"
                """);
        executable(root.resolve("shims/python3"), """
                #!/usr/bin/env bash
                set -e
                [ -n "$PYENV_DEBUG" ] && set -x

                program="${0##*/}"

                export PYENV_ROOT="%s"
                exec "%s" exec "$program" "$@"
                """.formatted(root, root.resolve("libexec/pyenv")));
        return root;
    }

    private static void executable(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aPyenvShimIsProbedOnceWhileNothingPyenvSelectsByChanges() throws Exception {
        Path root = pyenvRoot();
        Path project = Files.createDirectories(dir.resolve("project"));
        String shim = root.resolve("shims/python3").toString();
        CachedInterpreterProbe cached = cachedIn(dir.resolve("cache"), Map.of("PATH", "/usr/bin:/bin"));

        PythonInterpreter first = cached.probe(shim, project);
        assertEquals(root.resolve("versions/a/bin/python3").toString(), first.executable());
        assertEquals(first, cached.probe(shim, project));
        assertEquals(1, runs.size(), "the second answer comes from the cache: " + runs);

        Files.writeString(project.resolve(".python-version"), "b\n");
        assertEquals(root.resolve("versions/b/bin/python3").toString(), cached.probe(shim, project).executable(),
                "a .python-version file in the working directory selects another interpreter");
        assertEquals(2, runs.size(), runs.toString());

        Files.delete(project.resolve(".python-version"));
        Files.writeString(root.resolve("version"), "b\n");
        assertEquals(root.resolve("versions/b/bin/python3").toString(), cached.probe(shim, project).executable(),
                "the global version file selects another interpreter");
        assertEquals(3, runs.size(), runs.toString());

        Files.setLastModifiedTime(root.resolve("versions/b/bin/python3"), FileTime.from(Instant.now()));
        cached.probe(shim, project);
        assertEquals(4, runs.size(), "the selected interpreter was replaced: " + runs);

        Files.createDirectories(root.resolve("versions/c/bin"));
        cached.probe(shim, project);
        assertEquals(5, runs.size(), "an installed version can change what a prefix selects: " + runs);

        cached.probe(shim, project);
        assertEquals(5, runs.size(), runs.toString());
    }

    @Test
    void aPyenvShimIsProbedAgainForOtherPyenvVariablesOrPath() throws Exception {
        Path root = pyenvRoot();
        String shim = root.resolve("shims/python3").toString();
        Path cache = dir.resolve("cache");

        cachedIn(cache, Map.of("PATH", "/usr/bin:/bin")).probe(shim, dir);
        cachedIn(cache, Map.of("PATH", "/usr/bin:/bin", "PYENV_VERSION", "b")).probe(shim, dir);
        cachedIn(cache, Map.of("PATH", "/usr/local/bin:/usr/bin:/bin")).probe(shim, dir);
        cachedIn(cache, Map.of("PATH", "/usr/bin:/bin", "OTHER", "ignored")).probe(shim, dir);
        assertEquals(3, runs.size(), "PYENV_VERSION and PATH (for 'system') select; other variables do not: " + runs);
    }

    @Test
    void aPyenvShimIsProbedAgainInADirectoryBelowAnotherVersionFile() throws Exception {
        Path root = pyenvRoot();
        String shim = root.resolve("shims/python3").toString();
        Path outer = Files.createDirectories(dir.resolve("outer"));
        Path inner = Files.createDirectories(outer.resolve("inner"));
        CachedInterpreterProbe cached = cachedIn(dir.resolve("cache"), Map.of("PATH", "/usr/bin:/bin"));

        cached.probe(shim, inner);
        Files.writeString(outer.resolve(".python-version"), "b\n");
        assertEquals(root.resolve("versions/b/bin/python3").toString(), cached.probe(shim, inner).executable());
        assertEquals(2, runs.size(), runs.toString());
    }

    private CachedInterpreterProbe cachedIn(Path cache, Map<String, String> environment) {
        return new CachedInterpreterProbe(new InterpreterProbe(new ProcessRunner(command -> runs.add(command))),
                cache, environment);
    }

    private CachedInterpreterProbe cachedIn(Path cache) {
        return new CachedInterpreterProbe(new InterpreterProbe(new ProcessRunner(command -> runs.add(command))),
                cache);
    }
}
