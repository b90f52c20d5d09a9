package dev.rustwheel.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pep440Test {

    @ParameterizedTest
    @CsvSource({
        "1.2.3, 1.2.3",
        "0.0.0, 0.0.0",
        "1.2.3-alpha.1, 1.2.3a1",
        "1.2.3-a1, 1.2.3a1",
        "1.2.3-alpha, 1.2.3a0",
        "1.2.3-Alpha.1, 1.2.3a1",
        "1.2.3-beta.2, 1.2.3b2",
        "1.2.3-b, 1.2.3b0",
        "1.2.3-rc.1, 1.2.3rc1",
        "1.2.3-c.1, 1.2.3rc1",
        "1.2.3-pre.1, 1.2.3rc1",
        "1.2.3-preview.3, 1.2.3rc3",
        "1.2.3-rc.01, 1.2.3rc1",
        "1.2.3-dev.4, 1.2.3.dev4",
        "1.2.3-dev, 1.2.3.dev0",
        "1.2.3-post.5, 1.2.3.post5",
        "1.2.3-post, 1.2.3.post0",
        "1.2.3-rc.1.dev.2, 1.2.3rc1.dev2",
        "1.2.3-alpha.1.post.2.dev.3, 1.2.3a1.post2.dev3",
        "1.2.3+abc.5, 1.2.3+abc.5",
        "1.2.3+ABC.5, 1.2.3+abc.5",
        "1.2.3+build-7, 1.2.3+build.7",
        "1.2.3-rc.1+linux.x86, 1.2.3rc1+linux.x86",
    })
    void convertsCargoVersionsAsMaturinDoes(String semver, String expected) throws InvalidVersionException {
        assertEquals(expected, Pep440.fromSemVer(semver));
        assertTrue(Pep440.isValid(expected), expected + " must be valid PEP 440");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1.0.0-alpha.beta", "1.0.0-gamma", "1.0.0-rc.1.2", "1.0.0-0.3.7", "1.0.0-x.7.z.92",
        "1.0.0-1", "1.0.0+build--5", "1.0.0+-build",
    })
    void refusesCargoVersionsWithoutPep440Equivalent(String semver) {
        InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> Pep440.fromSemVer(semver));
        assertEquals(semver, e.version());
        assertTrue(e.getMessage().contains("cannot be expressed as a PEP 440 version"), e.getMessage());
        assertTrue(e.getMessage().contains("[project]"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "01.2.3", "v1.2.3", " 1.2.3", "1.2.3.4", "1.2.3-", "1.2.3+", "1.2.3-rc..1", ""})
    void refusesInputThatIsNotCargoSemVer(String version) {
        InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> Pep440.fromSemVer(version));
        assertTrue(e.getMessage().contains("not a SemVer version"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1", "1.0", "1.2.3.4.5", "0!1.0", "2!1.0", "1.0a1", "1.0b0", "1.0rc12", "1.0.post1", "1.0.dev3",
        "1.0a1.post2.dev3", "1.0+local", "1.0+Ubuntu.1", "1.0+1.2.abc", "1.01",
    })
    void acceptsTheStrictScheme(String version) {
        assertTrue(Pep440.isValid(version), version);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "v1.0", "1.0-alpha.1", "1.0alpha1", "1.0c1", "1.0-1", "1.0.post", "1.0dev1", "1.0RC1", "1.0+",
        "1.0+a..b", "1.0+a-b", "1.0 ", "1..0", ".1", "1.0a1b1", "1.0.dev1.post1", "a1",
    })
    void rejectsAlternativeSpellingsAndNonsense(String version) {
        assertFalse(Pep440.isValid(version), version);
    }

    @ParameterizedTest
    @CsvSource({
        "1.0, 1.0",
        "V1.0, 1.0",
        "'  1.0  ', 1.0",
        "0!1.0, 1.0",
        "007!01.002, 7!1.2",
        "1.0-Alpha_2, 1.0a2",
        "1.0.c.1, 1.0rc1",
        "1.0-1, 1.0.post1",
        "1.0-r3, 1.0.post3",
        "1.0_rev, 1.0.post0",
        "1.0DEV, 1.0.dev0",
        "1.0+Ubuntu-1_a, 1.0+ubuntu.1.a",
        "1.0+abc.007, 1.0+abc.7",
        "1.0a01.post02.dev03, 1.0a1.post2.dev3",
    })
    void normalizesAlternativeSpellings(String version, String expected) throws InvalidVersionException {
        assertEquals(expected, Pep440.normalize(version));
        assertTrue(Pep440.isNormalized(expected), expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "one", "1.0-gamma", "1.0+", "1.0.dev1.post1", "1.0a1a2"})
    void refusesToNormalizeNonVersions(String version) {
        InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> Pep440.normalize(version));
        assertEquals(version, e.version());
        assertTrue(e.getMessage().contains("is not a PEP 440 version"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0a1", "1.0", "1.0+abc.1"})
    void knowsNormalForms(String version) {
        assertTrue(Pep440.isNormalized(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0-a1", "0!1.0", "1.01", "1.0+ABC", "v1.0", "nonsense"})
    void knowsAlternativeSpellings(String version) {
        assertFalse(Pep440.isNormalized(version));
    }
}
