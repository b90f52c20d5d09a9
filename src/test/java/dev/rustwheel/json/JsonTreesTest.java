package dev.rustwheel.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trees equal what Jackson's own mappers read from the same documents. */
class JsonTreesTest {

    @TempDir
    Path dir;

    @Test
    void aJsonTreeEqualsTheMappersTree() throws Exception {
        String json = "{\"s\": \"ünï\\n\", \"i\": 7, \"l\": 9000000000, \"b\": 123456789012345678901234,"
                + " \"f\": 1.5, \"t\": true, \"n\": null, \"a\": [1, [], {}], \"o\": {\"x\": {\"y\": [false]}}}";

        assertEquals(new ObjectMapper().readTree(json), JsonTrees.json(json));
        assertEquals(new ObjectMapper().readTree(json), JsonTrees.json(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aTomlTreeEqualsTheMappersTree() throws Exception {
        Path file = Files.writeString(dir.resolve("pyproject.toml"), """
                [project]
                name = "fast-parse"
                version = "1.2.0"
                classifiers = ["A :: B", 'C']
                dynamic = []
                authors = [{ name = "Ann", email = "ann@example.org" }]
                [project.urls]
                Home = "https://example.org"
                [tool.maturin]
                features = ["pyo3/extension-module"]
                strip = true
                compatibility = "manylinux_2_17"
                answer = 42
                ratio = 0.5
                released = 2026-11-30
                [[tool.maturin.include]]
                path = "data/**"
                format = "sdist"
                """);

        JsonNode tree = JsonTrees.toml(file);

        assertEquals(new TomlMapper().readTree(file.toFile()), tree);
        assertEquals("2026-11-30", tree.path("tool").path("maturin").path("released").asText());
    }

    @Test
    void brokenDocumentsFailWithTheParsersMessage() throws Exception {
        Path file = Files.writeString(dir.resolve("pyproject.toml"), "[project\nname = 1\n");
        IOException toml = assertThrows(IOException.class, () -> JsonTrees.toml(file));
        assertTrue(toml.getMessage().contains("line: 1"), toml.getMessage());
        assertThrows(IOException.class, () -> JsonTrees.json("{\"a\": "));
        assertThrows(IOException.class, () -> JsonTrees.json(""));
    }
}
