package dev.rustwheel.maven.parameters;

import java.util.Objects;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * Tells a {@code -D} value from a POM property and from the plugin's configuration, in the order Maven itself
 * looks a parameter's property up (a POM {@code configuration} element wins over all three, so a value that
 * differs from the property's came from there).
 */
public final class MavenParameterSources implements ParameterSources {

    private final MavenProject project;
    private final MavenSession session;

    public MavenParameterSources(MavenProject project, MavenSession session) {
        this.project = project;
        this.session = session;
    }

    @Override
    public String of(String property, String value, String defaultValue) {
        String userProperty = session.getUserProperties().getProperty(property);
        if (userProperty != null && Objects.equals(userProperty.trim(), value == null ? null : value.trim())) {
            return "set by -D" + property + " on the command line";
        }
        String pomProperty = project.getProperties().getProperty(property);
        if (pomProperty != null && Objects.equals(pomProperty.trim(), value == null ? null : value.trim())) {
            return "set by the POM property " + property;
        }
        if (defaultValue != null && defaultValue.equals(value)) {
            return "the default";
        }
        return "set in the plugin's configuration in the POM (or by its property " + property + ")";
    }
}
