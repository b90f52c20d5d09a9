package dev.rustwheel.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArchiveTimestampTest {

    @ParameterizedTest(name = "outputTimestamp={0}, SOURCE_DATE_EPOCH={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "null,                      null,       1980-01-01T00:00:00Z",
            "2026-03-04T05:06:07Z,      null,       2026-03-04T05:06:07Z",
            "2026-03-04T07:06:07+02:00, null,       2026-03-04T05:06:07Z",
            "1700000000,                null,       2023-11-14T22:13:20Z",
            "2026-03-04T05:06:07Z,      1600000000, 2026-03-04T05:06:07Z",
            "null,                      1600000000, 2020-09-13T12:26:40Z",
            // a one-character value switches Maven's reproducible timestamp off: the environment decides
            "a,                         1600000000, 2020-09-13T12:26:40Z",
            "a,                         null,       1980-01-01T00:00:00Z",
            // zip cannot store times before 1980
            "null,                      0,          1980-01-01T00:00:00Z",
            // nor after 2099
            "5000000000,                null,       2099-12-31T23:59:59Z",
            "2100-01-01T00:00:00Z,      null,       2099-12-31T23:59:59Z",
    })
    void resolvesInMavenArchiverOrder(String outputTimestamp, String sourceDateEpoch, String expected) throws Exception {
        assertEquals(Instant.parse(expected), ArchiveTimestamp.resolve(outputTimestamp, sourceDateEpoch).toInstant());
    }

    @ParameterizedTest
    @CsvSource({"yesterday, project.build.outputTimestamp", "2026-13-01T00:00:00Z, project.build.outputTimestamp"})
    void rejectsWhatIsNeitherEpochSecondsNorIsoDateTime(String value, String named) {
        BuildException e = assertThrows(BuildException.class, () -> ArchiveTimestamp.resolve(value, null));

        assertTrue(e.isUserError());
        assertTrue(e.getMessage().startsWith(named + " = '" + value + "'"), e.getMessage());
    }
}
