package dev.rustwheel.goals;

/** Where the core reports progress; the Maven adapter forwards to the mojo's log. */
public interface BuildLog {

    void info(String message);

    void warn(String message);

    /** What failed, such as a compiler error; a log without its own error level shows it as a warning. */
    default void error(String message) {
        warn(message);
    }

    void debug(String message);
}
