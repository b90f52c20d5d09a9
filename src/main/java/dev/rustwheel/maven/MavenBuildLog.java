package dev.rustwheel.maven;

import dev.rustwheel.goals.BuildLog;
import org.apache.maven.plugin.logging.Log;

/**
 * Forwards the core's progress to a mojo's log. In a parallel build ({@code -T}) the lines of several modules
 * interleave, so each line then starts with its module's name.
 */
final class MavenBuildLog implements BuildLog {

    private final Log log;
    private final String prefix;

    /** @param module the module's name, put before each line; null for none */
    MavenBuildLog(Log log, String module) {
        this.log = log;
        this.prefix = module == null ? "" : "[" + module + "] ";
    }

    @Override
    public void info(String message) {
        log.info(prefix + message);
    }

    @Override
    public void warn(String message) {
        log.warn(prefix + message);
    }

    @Override
    public void error(String message) {
        log.error(prefix + message);
    }

    @Override
    public void debug(String message) {
        log.debug(prefix + message);
    }
}
