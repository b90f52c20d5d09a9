package dev.rustwheel.audit.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What show prints for a report whose files need GLIBC_2.18 (manylinux_2_24 is the best tag). */
class ShowReportTest {

    private static final Path FILE = Path.of("/w/libdemo.so");
    private static final VersionUse OLD = new VersionUse("GLIBC_2.2.5", "libc.so.6", FILE, List.of("free"));
    private static final VersionUse NEW = new VersionUse("GLIBC_2.18", "libc.so.6", FILE,
            List.of("__cxa_thread_atexit_impl"));

    private static AuditReport report() {
        List<PolicyVerdict> verdicts = new ArrayList<>();
        for (Policy p : Policies.bundled().forTarget(false, "x86_64")) {
            boolean old = p.name().equals("manylinux_2_5") || p.name().equals("manylinux_2_12")
                    || p.name().equals("manylinux_2_17");
            verdicts.add(new PolicyVerdict(p, p.platformTags("x86_64"), old ? List.of(NEW) : List.of(), List.of(),
                    List.of()));
        }
        return new AuditReport(List.of(FILE), Optional.of("x86_64"), false, List.of(NEW, OLD), verdicts);
    }

    @Test
    void textNamesTagVersionsAndWhyStricterPoliciesFail() {
        String text = ShowReport.text(report());
        assertTrue(text.contains("is consistent with the following platform tag: \"manylinux_2_24_x86_64\""), text);
        assertTrue(text.contains("libc.so.6 with versions GLIBC_2.2.5, GLIBC_2.18"), text);
        assertTrue(text.contains("GLIBC_2.18 (libc.so.6: __cxa_thread_atexit_impl; needed by /w/libdemo.so)"), text);
        assertTrue(text.contains("manylinux_2_17_x86_64.manylinux2014_x86_64: symbol versions newer than"
                + " manylinux_2_17 allows: GLIBC_2.18"), text);
        assertTrue(!text.contains("manylinux_2_26_x86_64:"), "less strict policies are not listed as failing");
    }

    @Test
    void jsonCarriesTheSameForTools() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ShowReport.json(report()));
        assertEquals("manylinux_2_24_x86_64", json.path("overall_tag").textValue());
        assertEquals("GLIBC_2.18", json.path("highest_versions").path("GLIBC").path("version").textValue());
        assertEquals("/w/libdemo.so", json.path("highest_versions").path("GLIBC").path("file").textValue());
        assertEquals(2, json.path("versioned_symbols").path("libc.so.6").size());
        assertEquals(false, json.path("policies").get(0).path("passes").booleanValue());
        assertEquals("GLIBC_2.18", json.path("policies").get(0).path("too_recent").get(0).path("version").textValue());
    }
}
