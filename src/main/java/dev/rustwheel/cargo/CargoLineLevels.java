package dev.rustwheel.cargo;

import java.util.regex.Pattern;

/**
 * Which log level each line of cargo's human-readable output belongs to: a rendered diagnostic starts with
 * {@code warning} or {@code error} and its further lines (source excerpt, notes) follow at the same level; cargo's
 * status lines ({@code Compiling}, {@code Finished}…) are progress. One instance reads one cargo run, in order.
 */
public final class CargoLineLevels {

    /** How loud a line is. */
    public enum Level { INFO, WARNING, ERROR }

    /** Cargo's status lines: a capitalised verb right-aligned in a twelve-column field ({@code    Compiling x}). */
    private static final Pattern STATUS = Pattern.compile("^\\s+[A-Z][a-z]+ \\S.*");
    private static final Pattern WARNING = Pattern.compile("^warning(?:\\[[A-Za-z0-9_]+])?:.*");
    private static final Pattern ERROR = Pattern.compile("^error(?:\\[[A-Za-z0-9_]+])?:?.*");

    private Level current = Level.INFO;

    public synchronized Level of(String line) {
        if (WARNING.matcher(line).matches()) {
            current = Level.WARNING;
        } else if (ERROR.matcher(line).matches()) {
            current = Level.ERROR;
        } else if (STATUS.matcher(line).matches()) {
            current = Level.INFO;
        }
        return current;
    }
}
