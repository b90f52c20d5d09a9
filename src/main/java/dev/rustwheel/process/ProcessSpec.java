package dev.rustwheel.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
        String variables = environment.entrySet().stream()
                .map(e -> e.getKey() + "=" + quote(e.getValue() == null ? "" : e.getValue()) + " ")
                .collect(Collectors.joining());
        return variables + command.stream().map(ProcessSpec::quote).collect(Collectors.joining(" "));
    }

    static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
