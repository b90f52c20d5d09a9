package dev.rustwheel.goals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.process.ProcessSpec;
import dev.rustwheel.process.ToolNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code ffi.py} of cffi bindings, made as maturin makes it: the crate's C header (the user's own
 * {@code <cargo target dir>/header.h}, else written by cbindgen with the crate's {@code cbindgen.toml} held to what
 * cffi can parse: C, no includes, no defines, no include guard), read by cffi's {@code FFI.cdef} and turned into
 * Python source by cffi's recompiler, run by the interpreter the wheel is for.
 */
public final class CffiDeclarations {

    public static final String HEADER = "header.h";

    /** argv: header, output; what maturin runs, with the paths as arguments instead of spliced into the source. */
    private static final String GENERATOR = String.join("\n",
            "import sys",
            "import cffi",
            "from cffi import recompiler",
            "ffi = cffi.FFI()",
            "with open(sys.argv[1]) as header:",
            "    ffi.cdef(header.read())",
            "recompiler.make_py_source(ffi, 'ffi', sys.argv[2])");

    private static final String CFFI_MISSING = "ModuleNotFoundError: No module named 'cffi'";

    private final ProcessRunner runner;
    private final BuildLog log;
    private final String cbindgen;

    public CffiDeclarations(BuildLog log) {
        this(log, "cbindgen");
    }

    /** @param cbindgen the cbindgen program, looked up on PATH */
    CffiDeclarations(BuildLog log, String cbindgen) {
        this.runner = new ProcessRunner(command -> log.info("Running " + command));
        this.log = log;
        this.cbindgen = cbindgen;
    }

    /**
     * Refuses, before cargo runs, a build whose bindings cannot be generated: no cbindgen where no header is
     * given, or an interpreter without cffi.
     *
     * @param why what makes these cffi bindings, for the message ({@code [tool.maturin] bindings = 'cffi'})
     */
    public void requireTools(String python, Path crateDirectory, Path targetDirectory, String why) throws BuildException {
        if (!Files.isRegularFile(targetDirectory.resolve(HEADER)) && ProcessRunner.locate(cbindgen).isEmpty()) {
            throw cbindgenMissing(why, targetDirectory);
        }
        List<String> errors = new ArrayList<>();
        try {
            int exit = runner.run(ProcessSpec.of(crateDirectory, python, "-c", "import cffi"), line -> { },
                    errors::add);
            if (exit != 0) {
                throw cffiMissing(python, why, errors);
            }
        } catch (ToolNotFoundException e) {
            throw BuildException.userError("Cannot start the Python interpreter '" + python + "': " + e.getMessage()
                    + ". Set pythonExecutable to a CPython 3 interpreter that has cffi.", e);
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot run " + python + ": " + e, e);
        }
    }

    /**
     * @param workDirectory where the header (if generated), cbindgen's configuration and {@code ffi.py} are written;
     *                      they stay there for the user to look at
     * @return the bytes of {@code ffi.py}
     */
    public byte[] generate(String python, Path crateDirectory, Path targetDirectory, Path workDirectory, String why)
            throws BuildException {
        try {
            Files.createDirectories(workDirectory);
            Path header = header(crateDirectory, targetDirectory, workDirectory, why);
            Path ffi = workDirectory.resolve("ffi.py");
            Files.deleteIfExists(ffi);
            List<String> errors = new ArrayList<>();
            int exit = runner.run(new ProcessSpec(List.of(python, "-c", GENERATOR, header.toString(), ffi.toString()),
                    crateDirectory, Map.of()), log::info, errors::add);
            if (exit != 0) {
                if (!errors.isEmpty() && errors.get(errors.size() - 1).equals(CFFI_MISSING)) {
                    throw cffiMissing(python, why, errors);
                }
                throw BuildException.userError("cffi cannot read the C header " + header + " (" + python + " exited"
                        + " with " + exit + "): " + tail(errors) + ". cffi parses plain C declarations only: no"
                        + " #include, #define or #ifdef; fix the header (or the cbindgen.toml that shapes it).", null);
            }
            errors.forEach(log::warn);
            return Files.readAllBytes(ffi);
        } catch (ToolNotFoundException e) {
            throw BuildException.userError("Cannot start the Python interpreter '" + python + "': " + e.getMessage()
                    + ". Set pythonExecutable to a CPython 3 interpreter that has cffi.", e);
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot generate the cffi declarations in " + workDirectory + ": " + e,
                    e);
        }
    }

    private Path header(Path crateDirectory, Path targetDirectory, Path workDirectory, String why)
            throws BuildException, IOException, ToolNotFoundException {
        Path given = targetDirectory.resolve(HEADER);
        if (Files.isRegularFile(given)) {
            log.info("Using the existing C header " + given + " for the cffi bindings");
            return given;
        }
        Path userConfig = crateDirectory.resolve("cbindgen.toml");
        if (Files.isRegularFile(userConfig)) {
            log.info("Using " + userConfig + " for the C header, held to what cffi parses: language = \"C\","
                    + " no_includes = true, sys_includes = [], defines = {}, no include_guard, pragma_once = false,"
                    + " cpp_compat = false");
        }
        Path config = workDirectory.resolve("cbindgen.toml");
        Files.writeString(config, cbindgenConfig(userConfig));
        Path header = workDirectory.resolve(HEADER);
        Files.deleteIfExists(header);
        List<String> errors = new ArrayList<>();
        int exit;
        try {
            exit = runner.run(ProcessSpec.of(crateDirectory, cbindgen, "--config", config.toString(), "--lang", "c",
                    "--output", header.toString(), crateDirectory.toString()), log::info, errors::add);
        } catch (ToolNotFoundException e) {
            throw cbindgenMissing(why, targetDirectory);
        }
        if (exit != 0 || !Files.isRegularFile(header)) {
            throw BuildException.userError("cbindgen could not write the C header of " + crateDirectory + " (exit "
                    + exit + "): " + tail(errors) + ". Fix the crate's cbindgen.toml or its extern \"C\" items, or"
                    + " write the header yourself to " + targetDirectory.resolve(HEADER) + ".", null);
        }
        return header;
    }

    /** The user's cbindgen.toml (or none) with the settings cffi needs forced, as maturin forces them. */
    static String cbindgenConfig(Path userConfig) throws IOException, BuildException {
        TomlMapper toml = new TomlMapper();
        ObjectNode config;
        if (Files.isRegularFile(userConfig)) {
            JsonNode read;
            try {
                read = toml.readTree(userConfig.toFile());
            } catch (IOException e) {
                throw BuildException.userError("Cannot read " + userConfig + ": " + e.getMessage() + ". Fix its TOML.",
                        e);
            }
            config = read instanceof ObjectNode object ? object : toml.createObjectNode();
        } else {
            config = toml.createObjectNode();
        }
        config.put("language", "C");
        config.put("no_includes", true);
        config.putArray("sys_includes");
        config.putObject("defines");
        config.remove("include_guard");
        config.put("pragma_once", false);
        config.put("cpp_compat", false);
        return toml.writeValueAsString(config);
    }

    private static BuildException cbindgenMissing(String why, Path targetDirectory) {
        return BuildException.userError(why + ", and cffi bindings need the crate's C header, which cbindgen writes;"
                + " but cbindgen is not on PATH. Install it (apt-get install cbindgen, or cargo install cbindgen), or"
                + " put the header yourself at " + targetDirectory.resolve(HEADER) + ".", null);
    }

    private static BuildException cffiMissing(String python, String why, List<String> errors) {
        return BuildException.userError(why + ", and the interpreter " + python + " generates their ffi.py with"
                + " the cffi package, which it lacks (" + tail(errors) + "). Install cffi into it (" + python
                + " -m pip install cffi, or Debian's apt-get install python3-cffi for /usr/bin/python3), or set"
                + " pythonExecutable to an interpreter that has it.", null);
    }

    private static String tail(List<String> lines) {
        return lines.isEmpty() ? "no output" : String.join(" / ", lines.subList(Math.max(0, lines.size() - 3),
                lines.size()));
    }
}
