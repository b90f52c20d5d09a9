package dev.rustwheel.project;

import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.project.pyproject.ProjectMetadata;
import dev.rustwheel.project.pyproject.PyprojectFile;
import dev.rustwheel.staging.CrateInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What can be known wrong about the project before cargo builds anything: pyproject.toml's syntax, its
 * {@code [project]} values (name, version, dependencies, readme, license…), the types of its {@code [tool.maturin]}
 * values, the requested bindings, the module name, and the directories and files the layout settings name. A mistake
 * found here costs a second, not a build.
 */
public final class ProjectCheck {

    private ProjectCheck() {
    }

    /**
     * @param pom               the POM's layout settings, each winning over {@code [tool.maturin]} where set (already
     *                          checked)
     * @param pomParameters     for a POM setting's name ({@code pythonSource}, {@code include}, {@code data}), how
     *                          messages name it: the parameter, its property and where its value came from
     * @param crate the crate as {@code cargo metadata} describes it; its binding crates are not known yet
     * @return the bindings the POM or pyproject.toml ask for, with where they ask; empty where they are detected
     *         after the build
     */
    public static Optional<Requested> beforeBuild(Path pyprojectPath, MaturinSettings pom,
            Map<String, String> pomParameters, CrateInfo crate) throws ProjectException {
        PyprojectFile pyproject = PyprojectFile.read(pyprojectPath);
        MaturinSettings settings = MaturinSettings.resolve(pyproject, pom);
        Optional<Bindings> asked = Bindings.checkRequested(pom, pyproject);
        Optional<Requested> requested = asked.isEmpty() ? Optional.empty() : Optional.of(new Requested(asked.get(),
                pom.bindings() != null ? "parameter bindings" : pyproject.maturin().where("bindings")));
        ProjectPaths paths = new ProjectPaths(pyproject.projectDirectory());
        if (settings.pythonSource() != null) {
            String where = where(pom.pythonSource(), pomParameters, "pythonSource", pyproject, "python-source");
            Path source = paths.root().resolve(settings.pythonSource()).normalize();
            if (source.startsWith(paths.root())) {
                paths.resolve(settings.pythonSource(), where);
            } else if (!Files.isDirectory(source)) {
                // outside the project is the user's choice, as in maturin (a monorepo's ../python); missing is not
                throw ProjectException.userError(where + " = '" + settings.pythonSource() + "' names " + source
                        + ", which does not exist. Point it at the directory holding the Python package.", null);
            }
        }
        OutDirIncludes.read(pyproject.maturin(), crate.name());
        if (settings.moduleName() != null) {
            PythonLayout.requireImportName(settings.moduleName(), where(pom.moduleName(), pomParameters, "moduleName", pyproject,
                    "module-name"));
        }
        if (settings.data() != null) {
            paths.resolve(settings.data(), where(pom.data(), pomParameters, "data", pyproject, "data"));
        }
        for (String glob : settings.include() == null ? List.<String>of() : settings.include()) {
            Globs.files(paths, glob, where(pom.include() == null ? null : glob, pomParameters, "include", pyproject,
                    "include"));
        }
        ProjectMetadata.resolve(pyproject, crate);
        return requested;
    }

    /** Bindings the project asks for, and where: {@code [tool.maturin] bindings} in …/pyproject.toml. */
    public record Requested(Bindings bindings, String where) {
    }

    private static String where(String pomValue, Map<String, String> pomParameters, String parameter,
                                PyprojectFile pyproject, String key) {
        return pomValue != null ? pomParameters.getOrDefault(parameter, "parameter " + parameter)
                : pyproject.maturin().where(key);
    }
}
