package dev.rustwheel.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What to run: the command, where, and which environment variables to set on top of the inherited ones.
 * A {@code null} value in {@code environment} is taken as the empty string, never as "unset".
 */
public record ProcessSpec(List<String> command, Path workingDirectory, Map<String, String> environment) {

    public ProcessSpec {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        command = List.copyOf(command);
        environment = new TreeMap<>(environment);
    }

    public static ProcessSpec of(Path workingDirectory, String... command) {
        return new ProcessSpec(List.of(command), workingDirectory, Map.of());
    }

    /** The command line as a shell would need it typed, preceded by the variables set. */
    public String describe() {
        // loops, not streams: every goal describes its commands, and a lambda costs a warm build its class
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            line.append(variable.getKey()).append('=')
                    .append(quote(variable.getValue() == null ? "" : variable.getValue())).append(' ');
        }
        for (int i = 0; i < command.size(); i++) {
            line.append(i == 0 ? "" : " ").append(quote(command.get(i)));
        }
        return line.toString();
    }

    static String quote(String word) {
        boolean plain = !word.isEmpty();
        for (int i = 0; plain && i < word.length(); i++) {
            char c = word.charAt(i);
            plain = Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0;
        }
        return plain ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
