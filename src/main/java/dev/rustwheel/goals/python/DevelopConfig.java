package dev.rustwheel.goals.python;

import dev.rustwheel.cargo.CargoBuildRequest;
import dev.rustwheel.project.pyproject.MaturinSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
 * @param layoutParameters for each layout setting the POM makes, the parameter with its property and source
 * @param venvParameter    the parameter that names the venv, with its property, for messages
 * @param pythonParameter  the parameter that names {@code pythonExecutable}, with its property, for messages
 */
public record DevelopConfig(CargoBuildRequest cargo, Path pyproject, MaturinSettings settings, String pythonExecutable,
                            Path venv, List<Path> dependencies, Path wheelhouse, boolean offline,
                            String generatorVersion, String version,
                            Map<String, String> layoutParameters, String venvParameter,
                            String pythonParameter) {

    public DevelopConfig {
        dependencies = List.copyOf(dependencies);
        layoutParameters = Map.copyOf(layoutParameters);
    }
}
