package dev.rustwheel.goals;

import dev.rustwheel.wheel.zip.WheelWriter;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The time stamped on every wheel entry: Maven's {@code project.build.outputTimestamp} when set (parsed as
 * maven-archiver parses it), else {@code SOURCE_DATE_EPOCH}, else 1980-01-01, the earliest time a zip can hold.
 * Never the wall clock, so two builds of the same inputs give the same bytes.
 */
public final class ArchiveTimestamp {

    private static final Instant ZIP_EPOCH = WheelWriter.ZIP_EPOCH.toInstant();
    /** 2099-12-31T23:59:59Z, the latest time a zip can hold; in seconds, since parsing costs every package time. */
    private static final Instant LATEST = Instant.ofEpochSecond(4_102_444_799L);

    private ArchiveTimestamp() {
    }

    public static FileTime resolve(String outputTimestamp, String sourceDateEpoch) throws BuildException {
        // maven-archiver: a one-character value (often "a" or " ") switches reproducibility off for this module
        if (outputTimestamp != null && outputTimestamp.trim().length() > 1) {
            return FileTime.from(clamp(parse(outputTimestamp.trim(), "project.build.outputTimestamp")));
        }
        if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
            return FileTime.from(clamp(parse(sourceDateEpoch.trim(), "SOURCE_DATE_EPOCH")));
        }
        return WheelWriter.ZIP_EPOCH;
    }

    private static Instant parse(String value, String source) throws BuildException {
        if (allDigits(value)) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw BuildException.userError(source + " = '" + value + "' is neither seconds since the epoch nor an"
                    + " ISO-8601 date-time with offset (e.g. 2026-01-01T00:00:00Z).", e);
        }
    }

    private static boolean allDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static Instant clamp(Instant instant) {
        return instant.isBefore(ZIP_EPOCH) ? ZIP_EPOCH : instant.isAfter(LATEST) ? LATEST : instant;
    }
}
