package dev.rustwheel.goals.python;

import dev.rustwheel.cargo.CargoBuildRequest;
import dev.rustwheel.project.pyproject.MaturinSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * How the {@code develop} goal builds the project and installs it into a virtual environment.
 *
 * @param cargo            the cargo build; its {@code PYO3_PYTHON} is set to the venv's interpreter unless the user
 *                         set one
 * @param pyproject        the project's {@code pyproject.toml} (may not exist)
 * @param settings         the POM's layout settings, winning over {@code [tool.maturin]}
 * @param pythonExecutable the interpreter a missing venv is created with
 * @param venv             the virtual environment to install into
 * @param dependencies     the wheels the module depends on, as Maven resolved them
 * @param wheelhouse       where those wheels go under their PEP 427 names, for pip
 * @param offline          whether pip may use no index
 * @param generatorVersion the plugin version, for the WHEEL file
 * @param version          the configured version (PEP 440), winning over pyproject.toml and Cargo.toml; null for
 *                         theirs
 */
public record DevelopConfig(CargoBuildRequest cargo, Path pyproject, MaturinSettings settings, String pythonExecutable,
                            Path venv, List<Path> dependencies, Path wheelhouse, boolean offline,
                            String generatorVersion, String version) {

    public DevelopConfig {
        dependencies = List.copyOf(dependencies);
    }
}
