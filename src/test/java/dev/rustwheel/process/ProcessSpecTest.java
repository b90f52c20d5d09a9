package dev.rustwheel.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcessSpecTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "cargo                        | cargo",
            "--message-format=json        | --message-format=json",
            "/opt/rust/bin/cargo          | /opt/rust/bin/cargo",
            "--features=simd,serde        | --features=simd,serde",
            "user@host:1.0+local%20       | user@host:1.0+local%20",
            "\"\"                         | ''",
            "with space                   | 'with space'",
            "$HOME                        | '$HOME'",
            "a;rm -rf /                   | 'a;rm -rf /'",
            "*.so                         | '*.so'",
            "it's                         | 'it'\\''s'",
    })
    void quotesOnlyWhatAShellWouldMisread(String word, String expected) {
        assertEquals(expected, ProcessSpec.quote(word));
    }

    @Test
    void describeListsTheVariablesSortedThenTheCommand() {
        Map<String, String> environment = new HashMap<>();
        environment.put("RUSTFLAGS", "-C target-cpu=native");
        environment.put("CARGO_TERM_COLOR", "never");
        environment.put("EMPTY", null);
        ProcessSpec spec = new ProcessSpec(List.of("cargo", "build", "--features=a b"), Path.of("/c"), environment);

        assertEquals("CARGO_TERM_COLOR=never EMPTY='' RUSTFLAGS='-C target-cpu=native' cargo build '--features=a b'",
                spec.describe());
    }

    @Test
    void describeWithoutVariablesIsJustTheCommand() {
        assertEquals("cargo metadata --no-deps", ProcessSpec.of(Path.of("/c"), "cargo", "metadata", "--no-deps")
                .describe());
    }

    @Test
    void anEmptyCommandIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ProcessSpec(List.of(), Path.of("/c"), Map.of()));
    }

    @Test
    void laterChangesToTheCallersCollectionsDoNotLeakIn() {
        List<String> command = new java.util.ArrayList<>(List.of("cargo"));
        Map<String, String> environment = new HashMap<>(Map.of("A", "1"));
        ProcessSpec spec = new ProcessSpec(command, Path.of("/c"), environment);

        command.add("build");
        environment.put("B", "2");

        assertEquals("A=1 cargo", spec.describe());
    }
}
