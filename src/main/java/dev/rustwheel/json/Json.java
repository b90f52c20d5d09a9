package dev.rustwheel.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;

/** The plugin's one {@link JsonFactory}, and the way in to reading and writing with it. */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** What writes one JSON document into a generator. */
    @FunctionalInterface
    public interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    /**
     * A reader on the first token of {@code json}.
     *
     * @throws IOException when {@code json} is empty or does not start with a JSON value
     */
    public static JsonReader read(byte[] json) throws IOException {
        return new JsonReader(FACTORY.createParser(json));
    }

    /** As {@link #read(byte[])}, for a text. */
    public static JsonReader read(String json) throws IOException {
        return new JsonReader(FACTORY.createParser(json));
    }

    /** {@code body}'s document, indented as people read it (two spaces, {@code "key" : value}). */
    public static byte[] pretty(Body body) throws IOException {
        return write(body, true);
    }

    /** {@code body}'s document on one line, for files only the plugin reads. */
    public static byte[] compact(Body body) throws IOException {
        return write(body, false);
    }

    /** Writes {@code values} as an array of strings, where the generator expects a value. */
    public static void writeStrings(JsonGenerator json, Collection<String> values) throws IOException {
        json.writeStartArray();
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static byte[] write(Body body, boolean indented) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            if (indented) {
                json.useDefaultPrettyPrinter();
            }
            body.writeTo(json);
        }
        return out.toByteArray();
    }
}
