package dev.rustwheel.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.binary.NativeTools;
import dev.rustwheel.maven.parameters.PropertyNames;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mojos as Maven configures them: a bad shared parameter fails {@code compile} before cargo is looked for (the
 * configured cargo does not exist), and the message says where the value came from; so do the core's messages
 * that name a parameter the mojo described to it.
 */
class WheelParameterMojoTest {

    @TempDir
    Path dir;

    private MavenProject project;
    private MavenSession session;

    private void newProject() {
        Model model = new Model();
        model.setGroupId("g");
        model.setArtifactId("a");
        model.setVersion("1");
        model.setBuild(new Build());
        model.getBuild().setDirectory(dir.resolve("target").toString());
        project = new MavenProject(model);
        project.setFile(dir.resolve("pom.xml").toFile());
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        session = new MavenSession(null, request, new DefaultMavenExecutionResult(), project);
    }

    /** Sets the fields as Maven would, starting from every parameter's default. */
    private <T extends AbstractMojo> T configure(T mojo, Map<String, Object> values) throws ReflectiveOperationException {
        Map<String, Object> all = new java.util.HashMap<>(Map.of("pythonExecutable", "python3",
                "pythonExecutables", List.of(), "pyproject", dir.resolve("pyproject.toml").toFile(),
                "compression", "deflated", "compressionLevel", 6, "compatibility", "auto", "auditwheel", "repair",
                "auditwheelExclude", List.of()));
        if (mojo instanceof CompileMojo) {
            all.putAll(Map.of("manifestPath", dir.resolve("Cargo.toml").toFile(), "profile", "release",
                    "features", List.of(), "cargoArgs", List.of(), "cargoExecutable", "/nonexistent/cargo",
                    "stagingDirectory", dir.resolve("target/rustwheel/staging").toFile()));
        }
        all.putAll(values);
        for (Map.Entry<String, Object> entry : all.entrySet()) {
            field(mojo.getClass(), entry.getKey()).set(mojo, entry.getValue());
        }
        return mojo;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(name);
    }

    @Test
    void compileRefusesADashDValueBeforeCargoRuns() throws Exception {
        newProject();
        session.getUserProperties().setProperty(PropertyNames.COMPATIBILITY, "manylinux_2_99");
        CompileMojo mojo = configure(new CompileMojo(project, session), Map.of("compatibility", "manylinux_2_99"));
        String message = assertThrows(MojoFailureException.class, mojo::execute).getMessage();
        assertTrue(message.startsWith("parameter compatibility (property rustwheel.compatibility, set by"
                + " -Drustwheel.compatibility on the command line) = 'manylinux_2_99' is not a platform"), message);
        assertFalse(message.contains("cargo"), message);
        assertFalse(Files.exists(dir.resolve("target")), "nothing may be written");
    }

    @Test
    void compileRefusesAPomValueOfALaterGoal() throws Exception {
        newProject();
        CompileMojo mojo = configure(new CompileMojo(project, session), Map.of("auditwheel", "fix"));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("parameter auditwheel (property rustwheel.auditwheel, set in the"
                + " plugin's configuration in the POM"), e.getMessage());
        assertTrue(e.getMessage().endsWith("= 'fix' is not an auditwheel mode. Use repair, check, warn, skip."),
                e.getMessage());
        assertFalse(e.getMessage().contains("enum"), e.getMessage());
        assertTrue(e.getCause() == null, "Maven would print the cause's message after the message");
    }

    @Test
    void aPomPropertyIsNamedAsSuch() throws Exception {
        newProject();
        project.getProperties().setProperty(PropertyNames.COMPRESSION, "zstd");
        CompileMojo mojo = configure(new CompileMojo(project, session), Map.of("compression", "zstd"));
        String message = assertThrows(MojoFailureException.class, mojo::execute).getMessage();
        assertTrue(message.contains("set by the POM property rustwheel.compression) = 'zstd'"), message);
    }

    @Test
    void repairAndPackageCheckTheSameParametersFirst() throws Exception {
        newProject();
        RepairMojo repair = configure(new RepairMojo(project, session), Map.of("bindings", "xyz"));
        assertTrue(assertThrows(MojoFailureException.class, repair::execute).getMessage()
                .startsWith("parameter bindings (property rustwheel.bindings"));
        PackageMojo pack = configure(new PackageMojo(project, session, null), Map.of("compressionLevel", 12,
                "wheelDirectory", new File(dir.toFile(), "target/wheels")));
        assertTrue(assertThrows(MojoFailureException.class, pack::execute).getMessage()
                .startsWith("parameter compressionLevel (property rustwheel.compressionLevel"));
    }

    @Test
    void aMissingDllNamesLibraryPathWithWhereItsValueCameFrom() throws Exception {
        newProject();
        Path wheel = NativeTools.resource(dir, "third-party/delvewheel/simpleext-0.0.1-cp312-cp312-win_amd64.whl");
        String empty = Files.createDirectories(dir.resolve("empty")).toString();
        session.getUserProperties().setProperty(PropertyNames.LIBRARY_PATH, empty);
        RepairMojo repair = configure(new RepairMojo(project, session), Map.of("wheel", wheel.toFile(),
                "wheelDirectory", dir.resolve("wheels").toFile(), "libraryPath", empty));
        String message = assertThrows(MojoFailureException.class, repair::execute).getMessage();
        assertTrue(message.startsWith("Cannot find simpledll.dll => not found"), message);
        assertTrue(message.contains(". Name the directories holding them in"
                + " parameter libraryPath (property rustwheel.libraryPath, set by -Drustwheel.libraryPath on the"
                + " command line), or exclude them"), message);
    }

    @Test
    void aBadFaultInjectionSpecIsNamedByItsProperty() throws Exception {
        newProject();
        session.getUserProperties().setProperty(PropertyNames.FAULT_INJECTION, "manifest.bfore-write");
        CompileMojo mojo = configure(new CompileMojo(project, session), Map.of());
        String message = assertThrows(MojoFailureException.class, mojo::execute).getMessage();
        assertTrue(message.startsWith("rustwheel.faultInjection = 'manifest.bfore-write' names no fault point; use"
                + " one of [manifest.before-write"), message);
    }
}
