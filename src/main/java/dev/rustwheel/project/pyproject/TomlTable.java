package dev.rustwheel.project.pyproject;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustwheel.project.ProjectException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table of a TOML file, read with type checks whose errors name the file, the table and the key, so that the
 * user knows exactly which line to fix. A missing table reads as empty.
 */
public final class TomlTable {

    private final Path file;
    private final String name;
    /** Null for a missing table: a project without pyproject.toml then loads none of Jackson's tree classes. */
    private final JsonNode node;

    TomlTable(Path file, String name, JsonNode node) {
        this.file = file;
        this.name = name;
        this.node = node;
    }

    boolean exists() {
        return node != null && node.isObject();
    }

    public boolean has(String key) {
        return node != null && node.hasNonNull(key);
    }

    /** {@code pyproject.toml: [project] readme} — where a value sits, for messages. */
    public String where(String key) {
        return file + ": [" + name + "] " + key;
    }

    public ProjectException error(String key, String problem) {
        return ProjectException.userError(where(key) + " " + problem, null);
    }

    public String string(String key) throws ProjectException {
        JsonNode value = get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
           throw error(key, "must be a string, not " + describe(value));
        }
        return value.asText();
    }

    Integer integer(String key) throws ProjectException {
        JsonNode value = get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
           throw error(key, "must be an integer, not " + describe(value));
        }
        return value.asInt();
    }

    public List<String> strings(String key) throws ProjectException {
        JsonNode value = get(key);
        List<String> values = new ArrayList<>();
        if (value == null || value.isNull()) {
            return values;
        }
        if (!value.isArray()) {
           throw error(key, "must be an array of strings, not " + describe(value));
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
               throw error(key, "must be an array of strings, but holds " + describe(item));
            }
            values.add(item.asText());
        }
        return values;
    }

    /** The raw value, for keys that take several shapes (a string or a table, say). */
    public JsonNode raw(String key) {
        JsonNode value = get(key);
        return value == null || value.isNull() ? null : value;
    }

    TomlTable table(String key) throws ProjectException {
        JsonNode value = get(key);
        if (value != null && !value.isNull() && !value.isObject()) {
           throw error(key, "must be a table, not " + describe(value));
        }
        return new TomlTable(file, name + "." + key, value);
    }

    /** A table of strings (such as {@code [project.urls]}), in the order the file lists them. */
    Map<String, String> stringTable(String key) throws ProjectException {
        TomlTable table = table(key);
        Map<String, String> values = new LinkedHashMap<>();
        for (String entry : table.keys()) {
            String value = table.string(entry);
            if (value != null) {
                values.put(entry, value);
            }
        }
        return values;
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        if (node != null) {
            node.fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    private JsonNode get(String key) {
        return node == null ? null : node.get(key);
    }

    Path file() {
        return file;
    }

    static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "the string \"" + value.asText() + "\"";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "a table";
        }
        return (value.isNumber() ? "the number " : value.isBoolean() ? "the boolean " : "") + value;
    }
}
