package dev.rustwheel.maven;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters that decide where things go in the wheel, which both {@code repair} (it places grafted libraries
 * and sets each file's relative RPATH) and {@code package} (it writes the files there) must read the same way.
 */
abstract class AbstractWheelLayoutMojo extends AbstractRustwheelMojo {

    /**
     * The project's {@code pyproject.toml}: its {@code [project]} table (PEP 621) wins over Cargo.toml's metadata,
     * its {@code [tool.maturin]} table shapes the wheel, and its directory is the project directory that
     * configured paths are relative to. Ignored when the file does not exist.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PYPROJECT, defaultValue = "${project.basedir}/pyproject.toml")
    private File pyproject;

    /**
     * The Python import name of the native module, possibly dotted to place it inside a Python package
     * ({@code pkg._native}); wins over {@code [tool.maturin] module-name}. Default: the cdylib's {@code [lib]} name.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MODULE_NAME)
    private String moduleName;

    /**
     * {@code pyo3}, {@code pyo3-ffi} (an extension module) or {@code bin} (the crate's executables as scripts); wins
     * over {@code [tool.maturin] bindings}. Default: detected from the crate.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BINDINGS)
    private String bindings;

    protected AbstractWheelLayoutMojo(MavenProject project, MavenSession session) {
        super(project, session);
    }

    protected Path pyprojectPath() {
        return pyproject.toPath().toAbsolutePath();
    }

    /** The configured module name, or null to take pyproject.toml's or the crate's. */
    protected String moduleName() {
        return blankToNull(moduleName);
    }

    /** The configured bindings, or null to take pyproject.toml's or detect them. */
    protected String bindings() {
        return blankToNull(bindings);
    }
}
