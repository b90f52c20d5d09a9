package dev.rustwheel.goals.compile;

import dev.rustwheel.cargo.CargoBuildRequest;
import dev.rustwheel.project.pyproject.MaturinSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * What the {@code compile} goal builds, and what it checks before it lets cargo build anything.
 *
 * @param request              the cargo build
 * @param pyproject            the project's pyproject.toml (may not exist), checked before cargo runs
 * @param settings             the POM's layout settings, each winning over {@code [tool.maturin]} where set
 * @param pythonExecutables    the interpreters wheels are for, each probed before cargo runs
 * @param interpreterParameter the parameter that names them, with its property and source, for messages
 */
public record CompileConfig(CargoBuildRequest request, Path pyproject, MaturinSettings settings,
                            List<String> pythonExecutables, String interpreterParameter) {

    public CompileConfig {
        pythonExecutables = List.copyOf(pythonExecutables);
    }
}
