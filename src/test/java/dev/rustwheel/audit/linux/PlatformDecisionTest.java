package dev.rustwheel.audit.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decisions as a table over synthetic x86-64 reports: the files need GLIBC up to {@code needs} (a policy name
 * the need first fits), and optionally an external library.
 */
class PlatformDecisionTest {

    private static final Policies POLICIES = Policies.bundled();
    private static final Path FILE = Path.of("/w/libdemo.so");
    private static final VersionUse NEW_SYMBOL = new VersionUse("GLIBC_2.34", "libc.so.6", FILE,
            List.of("__libc_start_main"));
    private static final ExternalLibrary EXTERNAL = new ExternalLibrary("libfoo.so.1",
            Optional.of(Path.of("/opt/libfoo.so.1")), FILE);

    /** Every policy before {@code firstPassing} fails on a too-recent symbol; {@code external} fails all. */
    private static AuditReport report(String firstPassing, boolean external) {
        List<PolicyVerdict> verdicts = new ArrayList<>();
        boolean passing = false;
        for (Policy policy : POLICIES.forTarget(false, "x86_64")) {
            passing |= policy.name().equals(firstPassing);
            verdicts.add(new PolicyVerdict(policy, policy.platformTags("x86_64"),
                    passing ? List.of() : List.of(NEW_SYMBOL), List.of(), external ? List.of(EXTERNAL) : List.of()));
        }
        return new AuditReport(List.of(FILE), Optional.of("x86_64"), false, List.of(NEW_SYMBOL), verdicts);
    }

    @ParameterizedTest(name = "needs {0}, external {1}, asks {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "manylinux_2_5  | false | auto                  | manylinux_2_5_x86_64.manylinux1_x86_64",
            "manylinux_2_17 | false | auto                  | manylinux_2_17_x86_64.manylinux2014_x86_64",
            "manylinux_2_34 | false | auto                  | manylinux_2_34_x86_64",
            "manylinux_2_17 | false | manylinux2014         | manylinux_2_17_x86_64.manylinux2014_x86_64",
            "manylinux_2_17 | false | manylinux_2_17_x86_64 | manylinux_2_17_x86_64.manylinux2014_x86_64",
            "manylinux_2_17 | false | manylinux_2_28        | manylinux_2_17_x86_64.manylinux2014_x86_64.manylinux_2_28_x86_64",
            "manylinux_2_5  | false | manylinux2010         | manylinux_2_5_x86_64.manylinux1_x86_64.manylinux_2_12_x86_64.manylinux2010_x86_64",
            "manylinux_2_34 | false | linux                 | linux_x86_64",
            "manylinux_2_34 | true  | linux                 | linux_x86_64",
            "manylinux_2_17 | true  | auto                  | linux_x86_64",
            "none           | false | auto                  | linux_x86_64",
    })
    void tags(String needs, boolean external, String compatibility, String expected) throws Exception {
        PlatformDecision decision = PlatformDecision.decide(report(needs, external), compatibility, POLICIES, false);
        assertEquals(expected, String.join(".", decision.platformTags()));
        boolean warned = !decision.warnings().isEmpty();
        assertEquals(compatibility.equals("auto") && expected.startsWith("linux"), warned, decision.toString());
    }

    @ParameterizedTest(name = "grafting: needs {0}, asks {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "manylinux_2_17 | auto           | manylinux_2_17_x86_64.manylinux2014_x86_64",
            "manylinux_2_17 | manylinux_2_28 | manylinux_2_17_x86_64.manylinux2014_x86_64.manylinux_2_28_x86_64",
            "none           | auto           | linux_x86_64",
    })
    void graftedLibrariesNoLongerKeepTheWheelFromAPolicy(String needs, String compatibility, String expected)
            throws Exception {
        PlatformDecision decision = PlatformDecision.decide(report(needs, true), compatibility, POLICIES, true);
        assertEquals(expected, String.join(".", decision.platformTags()));
        assertEquals(expected.startsWith("linux"), !decision.warnings().isEmpty(), decision.toString());
    }

    @Test
    void withoutGraftingAnExternalLibrarySaysHowToGraftIt() {
        AuditException e = assertThrows(AuditException.class,
                () -> PlatformDecision.decide(report("manylinux_2_5", true), "manylinux_2_17", POLICIES, false));
        assertTrue(e.getMessage().contains("Set auditwheel to repair to graft those libraries"), e.getMessage());
    }

    @ParameterizedTest(name = "needs {0}, external {1}, asks {2} fails naming {3}")
    @CsvSource(delimiter = '|', value = {
            "manylinux_2_34 | false | manylinux2014  | GLIBC_2.34 (libc.so.6: __libc_start_main; needed by /w/libdemo.so)",
            "manylinux_2_34 | false | manylinux1     | symbol versions newer than manylinux_2_5 allows",
            "manylinux_2_34 | false | manylinux_2_31 | request manylinux_2_34 or auto",
            "manylinux_2_5  | true  | manylinux_2_17 | libfoo.so.1 => /opt/libfoo.so.1 (needed by /w/libdemo.so)",
            "manylinux_2_5  | false | manylinux_3_0  | Unknown compatibility 'manylinux_3_0'. Use auto, linux, or one of: manylinux_2_5 (manylinux1)",
            "manylinux_2_5  | false | musllinux_1_2  | is a musl policy, but [/w/libdemo.so] link glibc",
    })
    void unsatisfiableRequestsFailNamingTheCause(String needs, boolean external, String compatibility,
            String expected) {
        AuditException e = assertThrows(AuditException.class,
                () -> PlatformDecision.decide(report(needs, external), compatibility, POLICIES, false));
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in " + e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "manylinux_2_17 | true  | libfoo.so.1 => /opt/libfoo.so.1 (needed by /w/libdemo.so)",
            "none           | false | even manylinux_2_41 fails: symbol versions newer than manylinux_2_41 allows: GLIBC_2.34",
    })
    void autoWarnsWhyTheWheelStaysLinux(String needs, boolean external, String expected) throws Exception {
        PlatformDecision decision = PlatformDecision.decide(report(needs, external), "auto", POLICIES, false);
        assertEquals(Policy.LINUX, decision.policy());
        assertTrue(decision.warnings().get(0).contains(expected), decision.warnings().toString());
        assertTrue(decision.warnings().get(0).contains("tagged linux_x86_64, which PyPI does not accept"));
    }
}
