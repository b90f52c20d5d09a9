package dev.rustwheel.goals;

import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.python.interpreter.CachedInterpreterProbe;
import dev.rustwheel.python.interpreter.InterpreterProbe;
import dev.rustwheel.python.interpreter.InterpreterProbeException;
import dev.rustwheel.python.interpreter.PythonInterpreter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The configured interpreters, each probed once, in the configured order; one message for one that cannot be. */
public final class Interpreters {

    private Interpreters() {
    }

    /** Asks one interpreter about itself. */
    public interface Probe {
        PythonInterpreter probe(String executable, Path workingDirectory) throws InterpreterProbeException;
    }

    /** The probe whose answers are kept in {@code cache} between goals and builds. */
    public static Probe cached(Path cache) {
        return new Cached(new CachedInterpreterProbe(new InterpreterProbe(new ProcessRunner(ProcessRunner.UNLOGGED)),
                cache));
    }

    /** A class rather than a method reference: every goal makes one, and a warm build pays a lambda its class. */
    private record Cached(CachedInterpreterProbe cached) implements Probe {
        @Override
        public PythonInterpreter probe(String executable, Path workingDirectory) throws InterpreterProbeException {
            return cached.probe(executable, workingDirectory);
        }
    }

    /**
     * @param parameter the parameter that names them, with its property and where its value came from
     * @throws BuildException naming the interpreter and the parameter to fix
     */
    public static List<PythonInterpreter> probe(Probe probe, List<String> executables, String parameter,
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
