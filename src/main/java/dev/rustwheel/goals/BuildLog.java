package dev.rustwheel.goals;

/** Where the core reports progress; the Maven adapter forwards to the mojo's log. */
public interface BuildLog {

    void info(String message);

    void warn(String message);

    void debug(String message);
}
