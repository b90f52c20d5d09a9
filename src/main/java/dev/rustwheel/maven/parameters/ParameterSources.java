package dev.rustwheel.maven.parameters;

/** Says where a parameter's value came from, so that a message about a bad value points at the line to fix. */
public interface ParameterSources {

    /**
     * @param property     the parameter's user property
     * @param value        the value the mojo received
     * @param defaultValue the parameter's default, or null
     * @return for example {@code set by -Drustwheel.compression on the command line}
     */
    String of(String property, String value, String defaultValue);
}
