package dev.rustwheel.process;

import java.io.IOException;
import java.util.List;

/** A program ran and exited non-zero; carries what it printed on stderr. */
public final class ProcessFailedException extends IOException {

    private final int exitCode;
    private final List<String> stderr;

    public ProcessFailedException(String command, int exitCode, List<String> stderr) {
        super("'" + command + "' exited with code " + exitCode
                + (stderr.isEmpty() ? "" : ":\n" + String.join("\n", stderr)));
        this.exitCode = exitCode;
        this.stderr = List.copyOf(stderr);
    }

    public int exitCode() {
        return exitCode;
    }

    public List<String> stderr() {
        return stderr;
    }
}
