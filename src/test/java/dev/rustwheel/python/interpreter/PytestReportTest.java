package dev.rustwheel.python.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PytestReportTest {

    @Test
    void namesFailuresAndErrorsAsPytestNodeIds(@TempDir Path dir) throws Exception {
        Path report = Files.writeString(dir.resolve("TEST-x.xml"), """
                <?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="1" failures="1"
                 skipped="0" tests="3"><testcase classname="tests.test_add" name="test_adds" time="0.001"/>
                <testcase classname="tests.test_add" name="test_wrong" time="0.001"><failure message="assert 3 == 4">
                boom</failure></testcase><testcase classname="tests.test_add.TestGroup" name="test_fixture">
                <error message="fixture 'nope' not found"/></testcase></testsuite></testsuites>
                """);

        PytestReport parsed = PytestReport.read(report);

        assertEquals(List.of("tests/test_add.py::test_adds", "tests/test_add.py::test_wrong",
                "tests/test_add.py::TestGroup::test_fixture"), parsed.tests());
        assertEquals(List.of("tests/test_add.py::test_wrong", "tests/test_add.py::TestGroup::test_fixture"),
                parsed.failed());
    }

    @Test
    void aCaseWithoutClassnameKeepsItsName() {
        assertEquals("test_top", PytestReport.nodeId("", "test_top"));
    }
}
