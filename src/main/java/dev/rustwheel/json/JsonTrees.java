package dev.rustwheel.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Documents read whole into Jackson's tree ({@link JsonNode}), for the ones the plugin walks rather than binds
 * (cargo's metadata, pyproject.toml): built straight from the streaming parser, so that reading them costs the tree's
 * few classes but not an object mapper's.
 */
public final class JsonTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** A JSON text as a tree. */
    public static JsonNode json(String text) throws IOException {
        try (JsonReader json = Json.read(text)) {
            return tree(json.parser());
        }
    }

    /** A JSON document's bytes (UTF-8) as a tree. */
    public static JsonNode json(byte[] document) throws IOException {
        try (JsonReader json = Json.read(document)) {
            return tree(json.parser());
        }
    }

    /** A TOML file as a tree: tables as objects, arrays as arrays, dates and times as strings. */
    public static JsonNode toml(Path file) throws IOException {
        try (JsonParser toml = Toml.FACTORY.createParser(file.toFile())) {
            toml.nextToken();
            return tree(toml);
        }
    }

    private static JsonNode tree(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, tree(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(tree(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return switch (parser.getNumberType()) {
                    case BIG_DECIMAL -> NODES.numberNode(parser.getDecimalValue());
                    case FLOAT -> NODES.numberNode(parser.getFloatValue());
                    default -> NODES.numberNode(parser.getDoubleValue());
                };
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            case VALUE_EMBEDDED_OBJECT -> {
                Object value = parser.getEmbeddedObject();
                return NODES.textNode(String.valueOf(value));
            }
            default -> throw new IOException("unexpected " + token + " at " + parser.currentLocation());
        }
    }

    /** Created on first use: a build without TOML files to read loads no TOML classes. */
    private static final class Toml {
        static final TomlFactory FACTORY = new TomlFactory();
    }
}
