package dev.rustwheel.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestoreActionTest {

    @ParameterizedTest(name = "cargo={0}, staged={1}, sizeMatches={2} -> {3}")
    @CsvSource({
            // cargo's file is authoritative whenever it exists
            "true,  false, false, NONE",
            "true,  false, true,  NONE",
            "true,  true,  true,  DELETE_STAGED",
            "true,  true,  false, DELETE_STAGED",
            // only the staged file: trusted only if its size matches
            "false, true,  true,  RENAME_BACK",
            "false, true,  false, DISCARD_DAMAGED",
            // neither
            "false, false, false, LOST",
            "false, false, true,  LOST",
    })
    void decidesFromWhatIsOnDisk(boolean cargoExists, boolean stagedExists, boolean sizeMatches,
            RestoreAction expected) {
        assertEquals(expected, RestoreAction.decide(cargoExists, stagedExists, sizeMatches));
    }
}
