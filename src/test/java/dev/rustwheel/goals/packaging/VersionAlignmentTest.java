package dev.rustwheel.goals.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionAlignmentTest {

    /** As the package mojo describes the parameter: the warning must carry it. */
    private static final String VERSION = "version (property rustwheel.version)";

    @Test
    void differingVersionsWarnNamingBothAndTheFix() {
        String warning = VersionAlignment.warning("1.0-SNAPSHOT", "0.3.0a2", null, VERSION).orElseThrow();
        assertTrue(warning.contains("0.3.0a2") && warning.contains("1.0-SNAPSHOT (1.0.dev0 in PEP 440)"), warning);
        assertTrue(warning.contains("Set version (property rustwheel.version) to ${project.version}"), warning);
    }

    @Test
    void versionsThatLineUpAfterConversionDoNotWarn() {
        assertEquals(Optional.empty(), VersionAlignment.warning("1.2.0-SNAPSHOT", "1.2.0.dev0", null, VERSION));
        assertEquals(Optional.empty(), VersionAlignment.warning("1.2.0-rc.1", "1.2.0rc1", null, VERSION));
    }

    @Test
    void aConfiguredVersionNeverWarns() {
        assertEquals(Optional.empty(), VersionAlignment.warning("1.0-SNAPSHOT", "0.3.0", "0.3.0", VERSION));
    }

    @Test
    void aPomVersionWithoutPep440EquivalentStillWarns() {
        String warning = VersionAlignment.warning("1.0-M1", "0.3.0", null, VERSION).orElseThrow();
        assertTrue(warning.contains("POM's version 1.0-M1,"), warning);
    }
}
