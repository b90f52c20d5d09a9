package dev.rustwheel.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The program could not be started: it is not on the PATH, or not executable. */
public final class ToolNotFoundException extends Exception {

    private final String program;
    private final List<Path> searched;

    public ToolNotFoundException(String program, List<Path> searched, IOException cause) {
        super("cannot run '" + program + "': " + cause.getMessage(), cause);
        this.program = program;
        this.searched = List.copyOf(searched);
    }

    public String program() {
        return program;
    }

    /** The PATH directories the program was looked up in (empty when it was given as a path). */
    public List<Path> searched() {
        return searched;
    }
}
