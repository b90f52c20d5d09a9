package dev.rustwheel.goals;

import java.util.ArrayList;
import java.util.List;

/** A build log for tests: keeps the info and warning lines it is given, drops debug lines. */
public final class RecordingLog implements BuildLog {

    private final List<String> lines = new ArrayList<>();

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add(message);
    }

    @Override
    public void debug(String message) {
    }

    /** The info and warning lines so far, in order. */
    public List<String> lines() {
        return List.copyOf(lines);
    }
}
