package dev.rustwheel.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The m2e mapping packaged with the plugin covers every goal the {@code wheel} packaging binds. */
class M2eLifecycleMappingTest {

    private static final String MAPPING = "/META-INF/m2e/lifecycle-mapping-metadata.xml";

    private static Document parse(String resource) throws Exception {
        try (InputStream in = M2eLifecycleMappingTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the plugin's classpath, so the jar would not carry it");
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    /** goal → the action m2e takes ({@code execute} or {@code ignore}). */
    private static Map<String, Element> actions() throws Exception {
        Map<String, Element> actions = new HashMap<>();
        NodeList executions = parse(MAPPING).getElementsByTagName("pluginExecution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            Element action = (Element) ((Element) execution.getElementsByTagName("action").item(0))
                    .getElementsByTagName("*").item(0);
            NodeList goals = execution.getElementsByTagName("goal");
            for (int g = 0; g < goals.getLength(); g++) {
                actions.put(goals.item(g).getTextContent().trim(), action);
            }
        }
        return actions;
    }

    /** The goals the lifecycle mapping of the wheel packaging binds (this plugin's, not install/deploy's). */
    private static Set<String> boundGoals() throws Exception {
        Set<String> goals = new LinkedHashSet<>();
        String components = parse("/META-INF/plexus/components.xml").getDocumentElement().getTextContent();
        Matcher matcher = Pattern.compile("rustwheel-maven-plugin:[^:,\\s]+:([a-z-]+)").matcher(components);
        while (matcher.find()) {
            goals.add(matcher.group(1));
        }
        return goals;
    }

    @Test
    void everyGoalTheWheelPackagingBindsRunsOnConfiguration() throws Exception {
        Map<String, Element> actions = actions();
        Set<String> bound = boundGoals();
        assertTrue(bound.containsAll(Set.of("compile", "stage", "repair", "package", "finalize")), bound.toString());
        for (String goal : bound) {
            Element action = actions.get(goal);
            assertNotNull(action, "m2e has no mapping for the bound goal " + goal);
            if (action.getTagName().equals("execute")) {
                assertEquals("true", action.getElementsByTagName("runOnConfiguration").item(0).getTextContent());
                assertEquals("false", action.getElementsByTagName("runOnIncremental").item(0).getTextContent());
            } else {
                assertTrue(Set.of("test", "upload").contains(goal), "only test and upload may be ignored, not " + goal);
            }
        }
    }
}
