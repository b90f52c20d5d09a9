package dev.rustwheel.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DistributionNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "7", "fastparse", "fastparse-py", "Fast_Parse.Py", "a.-_b", "x2"})
    void acceptsPep508Names(String name) {
        assertTrue(DistributionName.isValid(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "a-", "_a", "a.", "a b", "naïve", "a/b", "a+b", "a!"})
    void rejectsWhatPep508Forbids(String name) {
        assertFalse(DistributionName.isValid(name), name);
        InvalidDistributionNameException e =
                assertThrows(InvalidDistributionNameException.class, () -> DistributionName.of(name));
        assertEquals(name, e.name());
        assertTrue(e.getMessage().contains("[project]"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "fastparse, fastparse, fastparse",
        "Fast_Parse, fast-parse, fast_parse",
        "fast.parse, fast-parse, fast_parse",
        "Fast-_.Parse--Py, fast-parse-py, fast_parse_py",
        "A1, a1, a1",
    })
    void normalizesAndEscapes(String name, String normalized, String escaped)
            throws InvalidDistributionNameException {
        DistributionName distribution = DistributionName.of(name);
        assertEquals(name, distribution.value());
        assertEquals(normalized, distribution.normalized());
        assertEquals(normalized, DistributionName.normalize(name));
        assertEquals(escaped, distribution.wheelEscaped());
    }

    @Test
    void namesWithTheSameNormalFormAreEqual() throws InvalidDistributionNameException {
        assertEquals(DistributionName.of("Fast_Parse"), DistributionName.of("fast.parse"));
        assertEquals(DistributionName.of("Fast_Parse").hashCode(), DistributionName.of("fast.parse").hashCode());
        assertNotEquals(DistributionName.of("fastparse"), DistributionName.of("fast-parse"));
    }
}
