package dev.rustwheel.goals.python;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How the {@code test} goal tests the built wheel.
 *
 * @param pythonExecutables  the interpreters the wheels were built for; each gets a test venv of its own
 * @param wheels             the built wheels; each venv installs the one fit for its interpreter
 * @param wheelhouse         wheels the project depends on, offered to pip ({@code --find-links}) when it exists
 * @param projectDirectory   pytest's root directory: node ids are relative to it, its configuration applies
 * @param testDirectory      what pytest collects
 * @param testRequirements   what to install beside the wheel; empty for the default (the wheel's {@code test}
 *                           extra where it has one, else {@code pytest})
 * @param pytestArgs         further arguments for pytest
 * @param systemSitePackages whether the venv sees the interpreter's own site-packages
 * @param offline            whether pip may use no index ({@code --no-index}), only the wheelhouse
 * @param failIfNoTests      whether "no tests collected" fails the build
 * @param buildDirectory     the module's {@code target/}: the venv and pytest's working files go below it
 * @param reportsDirectory   where the JUnit XML report goes
 * @param reportName         the report's file name part, such as the artifactId; the second interpreter's report
 *                           adds {@code -2}, and so on
 * @param parameters         how messages name the test parameters, with their properties
 */
public record TestConfig(List<String> pythonExecutables, List<Path> wheels, Path wheelhouse, Path projectDirectory,
                         Path testDirectory,
                         List<String> testRequirements, List<String> pytestArgs, boolean systemSitePackages,
                         boolean offline, boolean failIfNoTests, Path buildDirectory, Path reportsDirectory,
                         String reportName, TestParameters parameters) {

    public TestConfig {
        pythonExecutables = List.copyOf(pythonExecutables);
        wheels = List.copyOf(wheels);
        testRequirements = List.copyOf(testRequirements);
        pytestArgs = List.copyOf(pytestArgs);
    }

    Optional<List<String>> configuredRequirements() {
        return testRequirements.isEmpty() ? Optional.empty() : Optional.of(testRequirements);
    }
}
