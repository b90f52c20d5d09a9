package dev.rustwheel.maven.parameters;

import dev.rustwheel.goals.BuildException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/** The wheels a module depends on: its resolved dependencies whose file is a {@code whl}, from the reactor or a repository. */
public final class WheelDependencies {

    private WheelDependencies() {
    }

    /** @throws BuildException when a wheel dependency has no file (its module did not reach package) */
    public static List<Path> of(MavenProject project) throws BuildException {
        List<Path> wheels = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (!"whl".equals(artifact.getArtifactHandler().getExtension()) && !"whl".equals(artifact.getType())) {
                continue;
            }
            if (artifact.getFile() == null || !artifact.getFile().isFile()
                    || !artifact.getFile().getName().endsWith(".whl")) {
                throw BuildException.userError("The wheel dependency " + artifact + " resolved to "
                        + artifact.getFile() + ", not a wheel: its module must reach the package phase first. Build"
                        + " the reactor with mvn verify (or install), not mvn compile or test.", null);
            }
            wheels.add(artifact.getFile().toPath());
        }
        return wheels;
    }
}
