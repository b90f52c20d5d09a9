package dev.rustwheel.python.interpreter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The JUnit XML report pytest writes with {@code --junitxml}: which tests ran and which failed, named as pytest
 * names them on its command line ({@code tests/test_x.py::test_y}) so a user can rerun one.
 *
 * @param tests  every test case, passed or not
 * @param failed the test cases with a {@code failure} or {@code error} element
 */
public record PytestReport(List<String> tests, List<String> failed) {

    public PytestReport {
        tests = List.copyOf(tests);
        failed = List.copyOf(failed);
    }

    public static PytestReport read(Path report) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList cases = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("testcase");
            List<String> tests = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < cases.getLength(); i++) {
                Element testCase = (Element) cases.item(i);
                String name = nodeId(testCase.getAttribute("classname"), testCase.getAttribute("name"));
                tests.add(name);
                if (testCase.getElementsByTagName("failure").getLength() > 0
                        || testCase.getElementsByTagName("error").getLength() > 0) {
                    failed.add(name);
                }
            }
            return new PytestReport(tests, failed);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read pytest's report " + report + ": " + e.getMessage(), e);
        }
    }

    /**
     * pytest writes {@code classname="tests.test_x.TestY"} and {@code name="test_z"}; the node id is
     * {@code tests/test_x.py::TestY::test_z}. The split between module path and class is a guess: a segment starting
     * with an upper-case letter is taken as a class.
     */
    static String nodeId(String classname, String name) {
        if (classname.isEmpty()) {
            return name;
        }
        String[] parts = classname.split("\\.");
        int module = parts.length;
        while (module > 1 && !parts[module - 1].isEmpty() && Character.isUpperCase(parts[module - 1].charAt(0))) {
            module--;
        }
        StringBuilder id = new StringBuilder(String.join("/", List.of(parts).subList(0, module))).append(".py");
        for (int i = module; i < parts.length; i++) {
            id.append("::").append(parts[i]);
        }
        return id.append("::").append(name).toString();
    }
}
