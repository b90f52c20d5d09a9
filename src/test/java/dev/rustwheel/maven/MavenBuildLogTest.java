package dev.rustwheel.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class MavenBuildLogTest {

    /** Records each line with its level. */
    private static final class Recorder extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence message) {
            lines.add("INFO " + message);
        }

        @Override
        public void warn(CharSequence message) {
            lines.add("WARN " + message);
        }

        @Override
        public void error(CharSequence message) {
            lines.add("ERROR " + message);
        }
    }

    @Test
    void underParallelBuildsEachLineNamesItsModuleAndKeepsItsLevel() {
        Recorder recorder = new Recorder();
        MavenBuildLog log = new MavenBuildLog(recorder, "ffi");
        log.info("   Compiling ffi v0.1.0");
        log.warn("warning: unused variable: `x`");
        log.error("error[E0425]: cannot find value `y` in this scope");
        assertEquals(List.of("INFO [ffi]    Compiling ffi v0.1.0", "WARN [ffi] warning: unused variable: `x`",
                "ERROR [ffi] error[E0425]: cannot find value `y` in this scope"), recorder.lines);
    }

    @Test
    void aSequentialBuildLeavesLinesAsTheyAre() {
        Recorder recorder = new Recorder();
        new MavenBuildLog(recorder, null).info("Built wheel x.whl");
        assertEquals(List.of("INFO Built wheel x.whl"), recorder.lines);
    }
}
