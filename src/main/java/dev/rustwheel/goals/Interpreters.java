package dev.rustwheel.goals;

import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.python.CachedInterpreterProbe;
import dev.rustwheel.python.InterpreterProbe;
import dev.rustwheel.python.InterpreterProbeException;
import dev.rustwheel.python.PythonInterpreter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The configured interpreters, each probed once, in the configured order; one message for one that cannot be. */
final class Interpreters {

    private Interpreters() {
    }

    /** Asks one interpreter about itself. */
    interface Probe {
        PythonInterpreter probe(String executable, Path workingDirectory) throws InterpreterProbeException;
    }

    /** The probe whose answers are kept in {@code cache} between goals and builds. */
    static Probe cached(Path cache) {
        return new CachedInterpreterProbe(new InterpreterProbe(new ProcessRunner(command -> { })), cache)::probe;
    }

    /**
     * @param parameter the parameter that names them, with its property and where its value came from
     * @throws BuildException naming the interpreter and the parameter to fix
     */
    static List<PythonInterpreter> probe(Probe probe, List<String> executables, String parameter,
                                         Path workingDirectory) throws BuildException {
        List<PythonInterpreter> interpreters = new ArrayList<>();
        for (String executable : executables) {
            try {
                interpreters.add(probe.probe(executable, workingDirectory));
            } catch (InterpreterProbeException e) {
                throw BuildException.userError("Cannot probe the Python interpreter '" + executable + "': "
                        + e.getMessage() + ". Set " + parameter + " to a CPython 3 interpreter; the wheel is built"
                        + " for it, and a PyO3 crate's build script runs it too (as PYO3_PYTHON).", null);
            }
        }
        return interpreters;
    }
}
