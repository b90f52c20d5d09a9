package dev.rustwheel.wheel;

import java.util.List;

/**
 * The text of {@code RECORD}: a CSV file read with Python's {@code csv} module, one row per entry, then a row for
 * {@code RECORD} itself with empty hash and size since a file cannot contain its own digest.
 */
public final class RecordFile {

    private RecordFile() {
    }

    public static String render(List<RecordRow> rows, String recordPath) {
        StringBuilder out = new StringBuilder();
        for (RecordRow row : rows) {
            out.append(csvField(row.path())).append(',').append(row.hash()).append(',').append(row.size()).append('\n');
        }
        return out.append(csvField(recordPath)).append(",,\n").toString();
    }

    /** Quotes as Python's default dialect does; entry paths cannot contain line breaks, so only , and " matter. */
    private static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
