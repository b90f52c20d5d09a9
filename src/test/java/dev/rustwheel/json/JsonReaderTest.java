package dev.rustwheel.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    private record Point(String name, long x, Integer tag) {
    }

    private static Point point(JsonReader json) throws IOException {
        json.beginObject();
        String name = null;
        Long x = null;
        Integer tag = null;
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "name" -> name = json.string();
                case "x" -> x = json.longValue();
                case "tag" -> tag = json.isNull() ? null : json.intValue();
                default -> throw json.unknownField(field);
            }
        }
        return new Point(json.require(name, "name"), json.require(x, "x"), tag);
    }

    private static List<Point> points(String json) throws IOException {
        try (JsonReader reader = Json.read(json)) {
            reader.beginObject();
            List<Point> points = List.of();
            for (String field; (field = reader.nextField()) != null; ) {
                if (field.equals("points")) {
                    reader.beginArray();
                    points = new ArrayList<>();
                    while (reader.nextElement()) {
                        points.add(point(reader));
                    }
                } else {
                    reader.skip();
                }
            }
            return points;
        }
    }

    private static String failure(String json) {
        return assertThrows(JsonParseException.class, () -> points(json)).getOriginalMessage();
    }

    @Test
    void readsFieldsInAnyOrderAndSkipsWhatItIsNotAskedFor() throws Exception {
        assertEquals(List.of(new Point("a", 1, null), new Point("b", -9_000_000_000L, 7)),
                points("{\"other\": {\"deep\": [1, {\"x\": 2}]}, \"points\": [{\"name\": \"a\", \"x\": 1},"
                        + " {\"tag\": 7, \"x\": -9000000000, \"name\": \"b\"}], \"last\": null}"));
    }

    @Test
    void badValuesAreNamedByTheirPath() {
        assertEquals("/points/1/x must be a whole number, not the string \"2\"",
                failure("{\"points\": [{\"name\": \"a\", \"x\": 1}, {\"name\": \"b\", \"x\": \"2\"}]}"));
        assertEquals("/points/0/name must be a string, not 12",
                failure("{\"points\": [{\"name\": 12, \"x\": 1}]}"));
        assertEquals("/points/0/tag must be a whole number of at most 9 digits, not 12345678901",
                failure("{\"points\": [{\"name\": \"a\", \"x\": 1, \"tag\": 12345678901}]}"));
        assertEquals("/points/0/x must be a whole number of at most 19 digits, not 123456789012345678901",
                failure("{\"points\": [{\"name\": \"a\", \"x\": 123456789012345678901}]}"));
        assertEquals("/points must be an array, not an object", failure("{\"points\": {}}"));
        assertEquals("/ must be an object, not null", failure("null"));
    }

    @Test
    void unknownAndMissingFieldsAreNamed() {
        assertEquals("/points/0/y is not a field this plugin knows (\"y\")",
                failure("{\"points\": [{\"name\": \"a\", \"x\": 1, \"y\": 2}]}"));
        assertEquals("/points/1/x is missing", failure("{\"points\": [{\"name\": \"a\", \"x\": 1}, {\"name\": \"b\"}]}"));
        assertEquals("/points/0/name is missing", failure("{\"points\": [{\"name\": null, \"x\": 1}]}"));
    }

    @Test
    void brokenDocumentsFailWithTheParsersOwnMessage() {
        assertEquals("the document is empty", failure(""));
        assertTrue(failure("{\"points\": [{\"name\": \"a\"").startsWith("Unexpected end-of-input"));
        assertTrue(failure("this is not json").startsWith("Unrecognized token 'this'"));
    }

    @Test
    void readsBooleansBase64MapsAndStrings() throws Exception {
        try (JsonReader json = Json.read(("{\"on\": true, \"off\": false, \"bytes\": \"AQID\", \"none\": null,"
                + " \"map\": {\"b\": [\"x\"], \"a\": []}}").getBytes(StandardCharsets.UTF_8))) {
            json.beginObject();
            assertEquals("on", json.nextField());
            assertTrue(json.booleanValue());
            assertEquals("off", json.nextField());
            assertFalse(json.booleanValue());
            assertEquals("bytes", json.nextField());
            assertArrayEquals(new byte[] {1, 2, 3}, json.binary());
            assertEquals("none", json.nextField());
            assertTrue(json.isNull());
            assertNull(json.binary());
            assertNull(json.string());
            assertThrows(JsonParseException.class, json::booleanValue);
            assertEquals("map", json.nextField());
            json.beginObject();
            Map<String, List<String>> map = new LinkedHashMap<>();
            for (String key; (key = json.nextField()) != null; ) {
                map.put(key, json.strings());
            }
            assertEquals(List.of("b", "a"), List.copyOf(map.keySet()), "in the document's order");
            assertEquals(List.of("x"), map.get("b"));
            assertNull(json.nextField());
        }
    }

    @Test
    void readsMapsOfStringsInOrderAndRefusesOtherValues() throws Exception {
        try (JsonReader json = Json.read("{\"z\": \"1\", \"a\": \"2\"}")) {
            Map<String, String> map = json.stringMap();
            assertEquals(List.of("z", "a"), List.copyOf(map.keySet()), "in the document's order");
            assertEquals("2", map.get("a"));
        }
        try (JsonReader json = Json.read("{\"inputs\": {\"a\": \"1\", \"b\": null}}")) {
            json.beginObject();
            json.nextField();
            assertEquals("/inputs/b must be a string, not null",
                    assertThrows(JsonParseException.class, json::stringMap).getOriginalMessage());
        }
        try (JsonReader json = Json.read("[\"a\", 2]")) {
            assertEquals("/1 must be a string, not 2",
                    assertThrows(JsonParseException.class, json::strings).getOriginalMessage());
        }
    }

    @Test
    void writesPrettyAsJacksonsMapperIndentsAndCompactOnOneLine() throws Exception {
        Json.Body body = g -> {
            g.writeStartObject();
            g.writeNumberField("n", 3);
            g.writeArrayFieldStart("empty");
            g.writeEndArray();
            g.writeArrayFieldStart("list");
            g.writeString("a");
            g.writeNull();
            g.writeEndArray();
            g.writeEndObject();
        };
        assertEquals("{\n  \"n\" : 3,\n  \"empty\" : [ ],\n  \"list\" : [ \"a\", null ]\n}",
                new String(Json.pretty(body), StandardCharsets.UTF_8));
        assertEquals("{\"n\":3,\"empty\":[],\"list\":[\"a\",null]}", new String(Json.compact(body),
                StandardCharsets.UTF_8));
    }
}
