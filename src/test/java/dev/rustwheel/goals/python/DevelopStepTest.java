package dev.rustwheel.goals.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A venv path develop cannot create is found before anything is built. */
class DevelopStepTest {

    @TempDir
    Path dir;

    @Test
    void findsTheFileThatBlocksTheVenv() throws Exception {
        Path file = Files.writeString(dir.resolve("pom.xml"), "<project/>");
        assertEquals(file, DevelopStep.firstFileOnTheWay(file.resolve("venv/inner")));
        assertEquals(file, DevelopStep.firstFileOnTheWay(file));
    }

    @Test
    void aNewOrExistingDirectoryIsFine() {
        assertNull(DevelopStep.firstFileOnTheWay(dir.resolve("new/venv")));
        assertNull(DevelopStep.firstFileOnTheWay(dir));
    }
}
