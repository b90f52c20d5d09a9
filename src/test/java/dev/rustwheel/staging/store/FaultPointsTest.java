package dev.rustwheel.staging.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.staging.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultPointsTest {

    @AfterEach
    void disarm() {
        FaultPoints.arm(null);
    }

    private static List<Object> runChild(String spec, String point, int times) throws Exception {
        Process child = ChildJvm.start(FaultPointsChild.class, spec, point, String.valueOf(times));
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return List.of(child.waitFor(), out.lines().toList());
    }

    @Test
    void haltsOnTheArmedOccurrenceWithoutRunningAnythingAfter() throws Exception {
        assertEquals(List.of(FaultPoints.HALT_STATUS, List.of("before 1", "before 2")),
                runChild(FaultPoints.STAGE_AFTER_MOVE + "@2", FaultPoints.STAGE_AFTER_MOVE, 3));
    }

    @Test
    void withoutAnOccurrenceHaltsTheFirstTime() throws Exception {
        assertEquals(List.of(FaultPoints.HALT_STATUS, List.of("before 1")),
                runChild(FaultPoints.COPY_MIDWAY, FaultPoints.COPY_MIDWAY, 2));
    }

    @Test
    void otherPointsDoNotHalt() throws Exception {
        assertEquals(List.of(0, List.of("before 1", "before 2", "survived")),
                runChild(FaultPoints.COPY_MIDWAY, FaultPoints.MANIFEST_AFTER_WRITE, 2));
    }

    @Test
    void disarmedNothingHalts() {
        FaultPoints.arm("");
        FaultPoints.ALL.forEach(FaultPoints::reach);
    }

    @ParameterizedTest
    @ValueSource(strings = {"manifest.bfore-write", "copy.midway@0", "copy.midway@x", "copy.midway@"})
    void aSpecThatNamesNoPointIsRefusedWithTheKnownPoints(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultPoints.arm(spec));

        assertTrue(e.getMessage().startsWith("'" + spec + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(FaultPoints.COPY_MIDWAY) || e.getMessage().contains("positive number"),
                e.getMessage());
    }
}
