package dev.rustwheel.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryPointsTest {

    @Test
    void rendersGroupsAndEntriesInDeclarationOrder() {
        EntryPoints entryPoints = new EntryPoints()
                .add("console_scripts", "fp", "fastparse.cli:main")
                .add("gui_scripts", "fp-gui", "fastparse.gui:run [gui]")
                .add("fastparse.plugins", "json", "fastparse.json");
        assertEquals("[console_scripts]\nfp=fastparse.cli:main\n[gui_scripts]\nfp-gui=fastparse.gui:run [gui]\n"
                + "[fastparse.plugins]\njson=fastparse.json\n", entryPoints.render());
        assertEquals(List.of("fp", "fp-gui"), entryPoints.scriptNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fastparse.cli:", "1abc:main", "a b:c", "mod:func()"})
    void rejectsWhatIsNoObjectReference(String reference) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EntryPoints().add("console_scripts", "fp", reference));
        assertTrue(e.getMessage().contains("package.module:function"), e.getMessage());
    }

    @Test
    void rejectsBadNamesGroupsAndDuplicates() {
        assertThrows(IllegalArgumentException.class, () -> new EntryPoints().add("console_scripts", "a=b", "m:f"));
        assertThrows(IllegalArgumentException.class, () -> new EntryPoints().add("bad group", "a", "m:f"));
        assertThrows(IllegalArgumentException.class,
                () -> new EntryPoints().add("g", "a", "m:f").add("g", "a", "m:g"));
    }
}
