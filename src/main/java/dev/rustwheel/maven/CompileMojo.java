package dev.rustwheel.maven;

import dev.rustwheel.cargo.CargoBuildRequest;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.compile.CompileConfig;
import dev.rustwheel.goals.compile.CompileStep;
import dev.rustwheel.goals.compile.Pyo3Python;
import dev.rustwheel.maven.parameters.MavenParameterSources;
import dev.rustwheel.maven.parameters.PropertyNames;
import dev.rustwheel.maven.parameters.WheelParameters;
import dev.rustwheel.maven.parameters.WheelSettings;
import dev.rustwheel.project.ProjectException;
import java.io.File;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Runs {@code cargo build} for the crate and records the cdylib and bin files it built in the staging manifest.
 * First gives cargo back whatever an earlier, interrupted build left staged, so cargo does not rebuild it.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class CompileMojo extends AbstractCargoMojo {

    /**
     * The cargo profile: {@code release}, {@code dev} or a custom profile of the crate.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PROFILE, defaultValue = "release")
    private String profile;

    /**
     * Where the stage goal moves cargo's outputs until finalize gives them back. On the file system of cargo's
     * target directory a move is a rename; elsewhere (a tmpfs, another disk) it is a copy, cargo's original stays
     * in place and finalize deletes the copy. Modules sharing a directory must not build files of the same name.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.STAGING_DIRECTORY,
            defaultValue = "${project.build.directory}/rustwheel/staging")
    private File stagingDirectory;

    /**
     * The Rust target triple to build for, passed to cargo as {@code --target} (maturin's {@code --target}):
     * for example {@code x86_64-pc-windows-gnu} or {@code aarch64-apple-darwin}. cargo then writes under
     * {@code TARGET_DIR/TRIPLE/PROFILE}, and the wheel's platform tag comes from the built binary (ELF:
     * manylinux/musllinux, Mach-O: macosx, PE: win), not from the machine building it. The triple's standard
     * library must be installed for cargo's rustc ({@code rustup target add TRIPLE}), and cross targets need their
     * linker ({@code [target.TRIPLE] linker} in {@code .cargo/config.toml}); the first is checked before cargo runs.
     * Default: the host.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.TARGET)
    private String target;

    @Inject
    public CompileMojo(MavenProject project, MavenSession session) {
        super(project, session);
    }

    @Override
    protected String goal() {
        return "compile";
    }

    @Override
    protected void run(BuildLog log) throws BuildException, ProjectException, MojoFailureException {
        WheelSettings wheel = wheelSettings();
        CargoBuildRequest request = cargoRequest(profile,
                Pyo3Python.environment(cargoEnvironment(), wheel.pythonExecutables().get(0)))
                .withTarget(Optional.ofNullable(blankToNull(target)));
        String targetParameter = WheelParameters.describe("target", PropertyNames.TARGET,
                new MavenParameterSources(project, session).of(PropertyNames.TARGET, target, null));
        new CompileStep(buildDirectory(), stagingDirectory.toPath().toAbsolutePath(), log).run(new CompileConfig(
                request, wheel.pyproject(), wheel.settings(), wheel.pythonExecutables(), wheel.interpreterParameter(),
                wheel.layoutParameters(), targetParameter));
    }
}
