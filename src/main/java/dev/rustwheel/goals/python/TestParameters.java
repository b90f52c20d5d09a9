package dev.rustwheel.goals.python;

/**
 * How the {@code test} goal's messages name its parameters, each with its property, as the mojo describes them:
 * the goal itself names no property.
 *
 * @param testDirectory     the parameter that says where the pytest suite is
 * @param testRequirements  the parameter that lists what to install beside the wheel
 * @param pytestArgs        the parameter that holds further arguments for pytest
 * @param failIfNoTests     the parameter that makes "no tests collected" fail the build
 * @param pythonExecutable  the parameter that names the one interpreter to test with
 * @param pythonExecutables the parameter that lists several interpreters to build and test for
 * @param skipTests         how a build skips the tests, such as {@code -DskipTests}
 */
public record TestParameters(String testDirectory, String testRequirements, String pytestArgs,
                             String failIfNoTests, String pythonExecutable, String pythonExecutables,
                             String skipTests) {
}
