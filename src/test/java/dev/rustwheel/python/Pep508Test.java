package dev.rustwheel.python;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pep508Test {

    @ParameterizedTest
    @ValueSource(strings = {
            "requests",
            "requests>=2.31",
            "requests [security, socks] >= 2.8.1, == 2.8.*",
            "name (>=1.0,<2)",
            "attrs>=20; python_version >= '3.8'",
            "black; sys_platform == \"linux\" and (python_version < \"3.12\" or extra == 'dev')",
            "pip @ https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee",
            "pip @ file:///tmp/pip.whl ; python_version >= '3.8'",
            "foo; 'linux' in sys_platform",
            "foo; platform_machine not in 'x86_64 aarch64'",
            "foo===1.0-weird",
    })
    void acceptsValidRequirements(String requirement) {
        assertDoesNotThrow(() -> Pep508.validateRequirement(requirement));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'>=1.0'|a distribution name",
            "requests[security|']' after the extras",
            "requests >= two|not a PEP 440 version",
            "requests >== 1|not a version specifier",
            "requests; python_versio < '3'|a marker variable",
            "requests; python_version ~ '3'|a marker operator",
            "requests; (python_version < '3'|')' closing",
            "requests; python_version < '3|a closing '",
            "requests 1.0|not a version specifier",
            "requests >= 1.*|'.*' only follows == and !=",
            "pip @ nourl|a URL after '@'",
    })
    void rejectsInvalidRequirementsSayingWhere(String requirement, String expected) {
        InvalidRequirementException e = assertThrows(InvalidRequirementException.class,
                () -> Pep508.validateRequirement(requirement));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {">=3.9", ">=3.8, <4", "==3.*", "~=3.10", "!=3.10.1,>=3"})
    void acceptsSpecifierSets(String specifiers) {
        assertDoesNotThrow(() -> Pep508.validateSpecifierSet(specifiers));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.9", ">=", ">=3.9,", "> = 3.x", ">=3.*"})
    void rejectsBadSpecifierSets(String specifiers) {
        assertThrows(InvalidRequirementException.class, () -> Pep508.validateSpecifierSet(specifiers));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pytest>=7|pytest>=7 ; extra == 'dev'",
            "black; sys_platform == 'linux'|black ; sys_platform == 'linux' and extra == 'dev'",
            "black; os_name == 'nt' or sys_platform == 'linux'|black ; (os_name == 'nt' or sys_platform == 'linux') and extra == 'dev'",
            "pip @ https://x.org/p.zip;v=1|pip @ https://x.org/p.zip;v=1 ; extra == 'dev'",
            "pip @ https://x.org/p.zip ; os_name == 'nt'|pip @ https://x.org/p.zip ; os_name == 'nt' and extra == 'dev'",
    })
    void restrictsARequirementToAnExtra(String requirement, String expected) {
        assertEquals(expected, Pep508.withExtra(requirement, "dev"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cffi; platform_python_implementation != 'PyPy'|cffi ; platform_python_implementation != 'PyPy'",
            " boltons |boltons",
            "attrs>=20 ;python_version >= '3.8'|attrs>=20 ; python_version >= '3.8'",
            "pip @ https://x.org/p.zip;v=1|pip @ https://x.org/p.zip;v=1",
            "pip @ https://x.org/p.zip ; os_name == 'nt'|pip @ https://x.org/p.zip ; os_name == 'nt'",
    })
    void setsTheMarkerOffAsMaturinSpellsRequiresDist(String requirement, String expected) {
        assertEquals(expected, Pep508.withMarkerSpacing(requirement));
    }

    @ParameterizedTest
    @CsvSource({"Dev_Tools,dev-tools", "docs,docs", "A..B,a-b"})
    void normalizesExtraNames(String extra, String normalized) throws InvalidRequirementException {
        assertEquals(normalized, Pep508.normalizeExtra(extra));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-dev", "dev tools", ""})
    void rejectsInvalidExtraNames(String extra) {
        assertThrows(InvalidRequirementException.class, () -> Pep508.normalizeExtra(extra));
    }
}
