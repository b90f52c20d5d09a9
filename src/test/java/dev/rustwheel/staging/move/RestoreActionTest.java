package dev.rustwheel.staging.move;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestoreActionTest {

    @ParameterizedTest(name = "cargo {0}, staged {1} -> {2}, entry dropped: {3}")
    @CsvSource({
            // cargo's recorded file is authoritative whenever it exists; a staged file beside it is a duplicate
            "AS_RECORDED, ABSENT,  NONE,            false",
            "AS_RECORDED, INTACT,  DELETE_STAGED,   false",
            "AS_RECORDED, DAMAGED, DELETE_STAGED,   false",
            // cargo rebuilt it: never replaced by the older staged bytes
            "NEWER,       ABSENT,  KEEP_NEWER,      true",
            "NEWER,       INTACT,  KEEP_NEWER,      true",
            "NEWER,       DAMAGED, KEEP_NEWER,      true",
            // only the staged file: given back only if it holds the recorded bytes
            "ABSENT,      INTACT,  MOVE_BACK,       false",
            "ABSENT,      DAMAGED, DISCARD_DAMAGED, true",
            "ABSENT,      ABSENT,  LOST,            true",
    })
    void decidesFromWhatIsOnDisk(CargoFile cargo, StagedFile staged, RestoreAction expected, boolean dropsEntry) {
        RestoreAction action = RestoreAction.decide(cargo, staged);

        assertEquals(expected, action);
        assertEquals(dropsEntry, action.dropsEntry());
    }
}
