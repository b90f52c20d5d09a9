package dev.rustwheel.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.project.pyproject.ProjectMetadata;
import dev.rustwheel.staging.CrateInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectMetadataTest {

    @TempDir
    Path dir;

    private CrateInfo crate(String name, String version) {
        return new CrateInfo(dir.resolve("Cargo.toml"), name, version);
    }

    private Path pyproject(String toml) throws IOException {
        return Files.writeString(dir.resolve("pyproject.toml"), toml);
    }

    @Test
    void withoutPyprojectNameAndVersionComeFromCargo() throws Exception {
        ProjectMetadata metadata = ProjectMetadata.resolve(dir.resolve("pyproject.toml"), crate("my-crate", "0.3.0-alpha.2"));

        assertEquals("my-crate", metadata.name().value());
        assertEquals("0.3.0a2", metadata.version());
        assertTrue(metadata.coreMetadata().summary().isEmpty());
    }

    @Test
    void projectTableWinsOverCargo() throws Exception {
        Path pyproject = pyproject("""
                [project]
                name = "Fast_Parse"
                version = "1.2.0"
                description = "Parses fast"
                requires-python = ">=3.9"
                """);

        ProjectMetadata metadata = ProjectMetadata.resolve(pyproject, crate("fastparse", "0.1.0"));

        assertEquals("Fast_Parse", metadata.name().value());
        assertEquals("1.2.0", metadata.version());
        assertEquals("Parses fast", metadata.coreMetadata().summary().orElseThrow());
        assertEquals(">=3.9", metadata.coreMetadata().requiresPython().orElseThrow());
        String rendered = metadata.coreMetadata().render();
        assertTrue(rendered.contains("Summary: Parses fast\n"), rendered);
        assertTrue(rendered.contains("Requires-Python: >=3.9\n"), rendered);
    }

    @Test
    void dynamicVersionComesFromCargo() throws Exception {
        Path pyproject = pyproject("""
                [project]
                name = "fastparse"
                dynamic = ["version"]
                """);

        assertEquals("2.0.0rc1", ProjectMetadata.resolve(pyproject, crate("x", "2.0.0-rc.1")).version());
    }

    @Test
    void pyprojectVersionIsNormalised() throws Exception {
        Path pyproject = pyproject("""
                [project]
                name = "fastparse"
                version = "1.0-Alpha_2"
                """);

        assertEquals("1.0a2", ProjectMetadata.resolve(pyproject, crate("x", "0.1.0")).version());
    }

    @Test
    void invalidPyprojectVersionNamesFileAndField() throws Exception {
        Path pyproject = pyproject("""
                [project]
                name = "fastparse"
                version = "one point oh"
                """);

        ProjectException e = assertThrows(ProjectException.class, () -> ProjectMetadata.resolve(pyproject, crate("x", "0.1.0")));

        assertTrue(e.isUserError());
        assertTrue(e.getMessage().startsWith(pyproject + ": [project] version"), e.getMessage());
    }

    @Test
    void cargoVersionWithoutPep440FormNamesCargoToml() {
        ProjectException e = assertThrows(ProjectException.class,
                () -> ProjectMetadata.resolve(dir.resolve("absent.toml"), crate("x", "1.0.0-alpha.beta")));

        assertTrue(e.isUserError());
        assertTrue(e.getMessage().startsWith(dir.resolve("Cargo.toml") + ": [package] version"), e.getMessage());
    }

    @Test
    void invalidNameNamesItsSource() throws Exception {
        Path pyproject = pyproject("""
                [project]
                name = "-bad name-"
                version = "1.0"
                """);

        ProjectException e = assertThrows(ProjectException.class, () -> ProjectMetadata.resolve(pyproject, crate("x", "0.1.0")));

        assertTrue(e.getMessage().startsWith(pyproject + ": [project] name"), e.getMessage());
    }

    @Test
    void brokenTomlIsAUserErrorNamingTheFile() throws Exception {
        Path pyproject = pyproject("[project\nname = ");

        ProjectException e = assertThrows(ProjectException.class, () -> ProjectMetadata.resolve(pyproject, crate("x", "0.1.0")));

        assertTrue(e.isUserError());
        assertTrue(e.getMessage().startsWith("Cannot read " + pyproject), e.getMessage());
    }
}
