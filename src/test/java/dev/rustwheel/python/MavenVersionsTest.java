package dev.rustwheel.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MavenVersionsTest {

    @ParameterizedTest
    @CsvSource({
            "1.2.0-SNAPSHOT, 1.2.0.dev0",
            "1.2.0-snapshot, 1.2.0.dev0",
            "1.2-SNAPSHOT, 1.2.dev0",
            "1.2.0, 1.2.0",
            "1.2.0-rc.1, 1.2.0rc1",
            "1.2.0-RC1, 1.2.0rc1",
            "1.2.0-rc1-SNAPSHOT, 1.2.0rc1.dev0",
            "1.2.0-CR2, 1.2.0rc2",
            "1.2.0-alpha-1, 1.2.0a1",
            "1.2.0-beta.2, 1.2.0b2",
            "1.2.0-beta, 1.2.0b0",
            "1.2.0-3, 1.2.0.post3",
            "1.2.0-post.3, 1.2.0.post3",
            "1.2.0.Final, 1.2.0",
            "1.2.0-GA, 1.2.0",
            "1.2.0.RELEASE, 1.2.0",
            "1.2.0-dev.4, 1.2.0.dev4",
            "1.2.0+build.7, 1.2.0+build.7",
            "1.2.0+build.7-SNAPSHOT, 1.2.0.dev0+build.7",
            "' 2.0 ', 2.0",
    })
    void mavenVersionsBecomeTheirPep440Equivalent(String maven, String pep440) throws Exception {
        assertEquals(pep440, MavenVersions.toPep440(maven));
        assertTrue(Pep440.isNormalized(pep440));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.0-M1", "1.2.0-milestone-2", "1.2.0-foo", "1.2.0-20231201.123456-1", "latest",
            "1.0-alpha.beta", "${project.version}"})
    void versionsWithoutAnEquivalentAreRefusedNamingTheVersionAndTheFix(String maven) {
        InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> MavenVersions.toPep440(maven));
        assertEquals(maven, e.version());
        assertTrue(e.getMessage().contains("'" + maven + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("can be converted"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.0.dev1-SNAPSHOT", "1.2.0-dev-SNAPSHOT"})
    void aDevReleaseCannotAlsoBeASnapshot(String maven) {
        InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> MavenVersions.toPep440(maven));
        assertTrue(e.getMessage().contains("both a dev release and a SNAPSHOT"), e.getMessage());
    }
}
