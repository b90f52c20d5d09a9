package dev.rustwheel.python.interpreter;

import dev.rustwheel.json.Json;
import dev.rustwheel.json.JsonReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one question rustwheel asks an interpreter, and the reading of its answer. Both sides live here so that the
 * JSON keys the script prints and the keys the parser expects cannot drift apart.
 */
final class ProbeScript {

    /**
     * A single line without double quotes, because Windows command lines mangle embedded quotes and newlines.
     * It prints one JSON object and nothing else.
     */
    static final String SOURCE = "import json, struct, sys, sysconfig; print(json.dumps({"
            + "'executable': sys.executable,"
            + " 'implementation': sys.implementation.name,"
            + " 'major': sys.version_info[0],"
            + " 'minor': sys.version_info[1],"
            + " 'ext_suffix': sysconfig.get_config_var('EXT_SUFFIX'),"
            + " 'soabi': sysconfig.get_config_var('SOABI'),"
            + " 'platform': sysconfig.get_platform(),"
            + " 'pointer_size': struct.calcsize('P')}))";

    private static final int QUOTED_OUTPUT_LIMIT = 300;

    private ProbeScript() {
    }

    /**
     * Reads what {@link #SOURCE} printed.
     *
     * @param executable the interpreter as the user named it, for messages and as the fallback when
     *                   {@code sys.executable} is empty (embedded interpreters)
     * @throws InterpreterProbeException when the output is not the expected JSON, or the interpreter is not CPython
     */
    static PythonInterpreter parse(String executable, String output) throws InterpreterProbeException {
        Map<String, Object> answer = new HashMap<>();
        try (JsonReader json = Json.read(output)) {
            if (!json.isObject()) {
                throw unexpected(executable, output, "it is not a JSON object");
            }
            json.beginObject();
            for (String key; (key = json.nextField()) != null; ) {
                if (json.isString()) {
                    answer.put(key, json.string());
                } else if (json.isInt()) {
                    answer.put(key, json.intValue());
                } else {
                    json.skip(); // of no type the script prints: refused below where it matters
                }
            }
        } catch (IOException e) {
            throw unexpected(executable, output, "it is not JSON");
        }
        String implementation = text(answer, "implementation", executable, output);
        int major = number(answer, "major", executable, output);
        int minor = number(answer, "minor", executable, output);
        if (!implementation.equals("cpython")) {
            throw new InterpreterProbeException("rustwheel builds for CPython only so far; '" + executable + "' is "
                    + implementation + " " + major + "." + minor + ". Point rustwheel at a CPython interpreter.");
        }
        String reportedExecutable = answer.get("executable") instanceof String path ? path : "";
        Object soabi = answer.get("soabi");
        return new PythonInterpreter(
                reportedExecutable.isEmpty() ? executable : reportedExecutable,
                implementation,
                major,
                minor,
                text(answer, "ext_suffix", executable, output),
                soabi instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty(),
                text(answer, "platform", executable, output),
                number(answer, "pointer_size", executable, output));
    }

    private static String text(Map<String, Object> answer, String key, String executable, String output)
            throws InterpreterProbeException {
        if (!(answer.get(key) instanceof String value) || value.isEmpty()) {
            throw unexpected(executable, output, "'" + key + "' is missing or not a non-empty string");
        }
        return value;
    }

    private static int number(Map<String, Object> answer, String key, String executable, String output)
            throws InterpreterProbeException {
        if (!(answer.get(key) instanceof Integer value)) {
            throw unexpected(executable, output, "'" + key + "' is missing or not an integer");
        }
        return value;
    }

    private static InterpreterProbeException unexpected(String executable, String output, String problem) {
        String quoted = output.length() > QUOTED_OUTPUT_LIMIT
                ? output.substring(0, QUOTED_OUTPUT_LIMIT) + "…"
                : output;
        return new InterpreterProbeException("'" + executable + "' did not describe itself as a Python interpreter"
                + " would (" + problem + "); is it really a CPython interpreter? It printed:\n" + quoted.strip());
    }
}
