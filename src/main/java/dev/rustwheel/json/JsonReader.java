package dev.rustwheel.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON document value by value, always from the token it stands on: {@link Json#read} starts on the
 * document's first token, {@link #nextField} on the field's value, {@link #nextElement} on the element. A value of
 * the wrong type, an unknown field or a missing one fails with a {@link JsonParseException} whose message names
 * the value by its JSON path ({@code /artifacts/0/size}) and whose location gives line and column.
 *
 * <pre>{@code
 * json.beginObject();
 * for (String field; (field = json.nextField()) != null; ) {
 *     switch (field) {
 *         case "name" -> name = json.string();
 *         default -> throw json.unknownField(field);
 *     }
 * }
 * }</pre>
 */
public final class JsonReader implements Closeable {

    private final JsonParser parser;

    JsonReader(JsonParser parser) throws IOException {
        this.parser = parser;
        if (parser.nextToken() == null) {
            throw new JsonParseException(parser, "the document is empty");
        }
    }

    /** Requires an object here; its fields follow through {@link #nextField}. */
    public void beginObject() throws IOException {
        expect(JsonToken.START_OBJECT, "an object");
    }

    /** Whether the value here is an object (and not {@code null}, say). */
    public boolean isObject() {
        return parser.currentToken() == JsonToken.START_OBJECT;
    }

    /** The next field's name, the reader then standing on its value; null at the object's end. */
    public String nextField() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_OBJECT) {
            return null;
        }
        String name = parser.currentName();
        parser.nextToken();
        return name;
    }

    /** Requires an array here; its elements follow through {@link #nextElement}. */
    public void beginArray() throws IOException {
        expect(JsonToken.START_ARRAY, "an array");
    }

    /** Whether another element follows, the reader then standing on it. */
    public boolean nextElement() throws IOException {
        return parser.nextToken() != JsonToken.END_ARRAY;
    }

    public boolean isString() {
        return parser.currentToken() == JsonToken.VALUE_STRING;
    }

    /** Whether the value here is a whole number that fits an {@code int}. */
    public boolean isInt() throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                && parser.getNumberType() == JsonParser.NumberType.INT;
    }

    public boolean isNull() {
        return parser.currentToken() == JsonToken.VALUE_NULL;
    }

    /** A string, or null for {@code null}. */
    public String string() throws IOException {
        if (isNull()) {
            return null;
        }
        expect(JsonToken.VALUE_STRING, "a string");
        return parser.getText();
    }

    /** A whole number that fits a {@code long}. */
    public long longValue() throws IOException {
        expect(JsonToken.VALUE_NUMBER_INT, "a whole number");
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw error("must be a whole number of at most 19 digits, not " + parser.getText());
        }
        return parser.getLongValue();
    }

    /** A whole number that fits an {@code int}. */
    public int intValue() throws IOException {
        expect(JsonToken.VALUE_NUMBER_INT, "a whole number");
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
            throw error("must be a whole number of at most 9 digits, not " + parser.getText());
        }
        return parser.getIntValue();
    }

    public boolean booleanValue() throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw error("must be true or false, not " + describe());
        }
        return token == JsonToken.VALUE_TRUE;
    }

    /** Bytes written as base64 ({@link com.fasterxml.jackson.core.JsonGenerator#writeBinary}), or null. */
    public byte[] binary() throws IOException {
        if (isNull()) {
            return null;
        }
        expect(JsonToken.VALUE_STRING, "a base64 string");
        try {
            return parser.getBinaryValue();
        } catch (JsonParseException e) {
            throw error("is not base64 (" + e.getOriginalMessage() + ")");
        }
    }

    /** An array of strings, none of them null. */
    public List<String> strings() throws IOException {
        // a loop, not a method reference per element: every goal reads strings, and a method reference costs a class
        beginArray();
        List<String> values = new ArrayList<>();
        while (nextElement()) {
            values.add(nonNullString());
        }
        return values;
    }

    /** An object whose values are strings, none of them null, in the document's order. */
    public Map<String, String> stringMap() throws IOException {
        beginObject();
        Map<String, String> values = new LinkedHashMap<>();
        for (String field; (field = nextField()) != null; ) {
            values.put(field, nonNullString());
        }
        return values;
    }

    /** A string that may not be null. */
    public String nonNullString() throws IOException {
        expect(JsonToken.VALUE_STRING, "a string");
        return parser.getText();
    }

    /** Passes over the value here, whatever it holds. */
    public void skip() throws IOException {
        parser.skipChildren();
    }

    /** Fails on a field the reader does not know. */
    public JsonParseException unknownField(String field) {
        return error("is not a field this plugin knows (\"" + field + "\")");
    }

    /**
     * Fails on {@code value} being null: a field absent from the object just read (or null there).
     *
     * @return {@code value}
     */
    public <T> T require(T value, String field) throws JsonParseException {
        if (value == null) {
            throw new JsonParseException(parser, path() + "/" + field + " is missing");
        }
        return value;
    }

    /** A failure naming the value here by its JSON path. */
    public JsonParseException error(String problem) {
        return new JsonParseException(parser, path() + " " + problem);
    }

    /** The parser underneath, for readers in this package that walk it themselves. */
    JsonParser parser() {
        return parser;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private void expect(JsonToken token, String what) throws IOException {
        if (parser.currentToken() != token) {
            throw error("must be " + what + ", not " + describe());
        }
    }

    /** The value here as a message shows it: {@code an object}, {@code the string "x"}, {@code 12}, {@code null}. */
    public String describe() throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the string \"" + parser.getText() + "\"";
            default -> parser.getText();
        };
    }

    /** The JSON pointer of the value here; {@code /} for the document itself. */
    private String path() {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        return pointer.isEmpty() ? "/" : pointer;
    }
}
