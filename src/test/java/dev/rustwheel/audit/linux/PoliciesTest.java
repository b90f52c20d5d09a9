package dev.rustwheel.audit.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled policy resources, as loaded. */
class PoliciesTest {

    private final Policies policies = Policies.bundled();

    @Test
    void manylinuxX86PoliciesMostCompatibleFirst() {
        List<String> names = policies.forTarget(false, "x86_64").stream().map(Policy::name).toList();
        assertEquals(List.of("manylinux_2_5", "manylinux_2_12", "manylinux_2_17", "manylinux_2_24", "manylinux_2_26",
                "manylinux_2_27", "manylinux_2_28", "manylinux_2_31", "manylinux_2_34", "manylinux_2_35",
                "manylinux_2_36", "manylinux_2_37", "manylinux_2_38", "manylinux_2_39", "manylinux_2_40",
                "manylinux_2_41"), names);
    }

    @ParameterizedTest
    @CsvSource({"aarch64, manylinux_2_17", "ppc64, manylinux_2_17", "riscv64, manylinux_2_31",
            "loongarch64, manylinux_2_36"})
    void architecturesStartWhereTheirFirstPolicyDoes(String architecture, String first) {
        assertEquals(first, policies.forTarget(false, architecture).get(0).name());
    }

    @Test
    void unknownArchitectureHasNoPolicy() {
        assertEquals(List.of(), policies.forTarget(false, "sparc64"));
    }

    @ParameterizedTest
    @CsvSource({"manylinux1, manylinux_2_5", "manylinux2010, manylinux_2_12", "manylinux2014, manylinux_2_17",
            "manylinux_2_28, manylinux_2_28", "musllinux_1_2, musllinux_1_2", "linux, linux"})
    void aliasesFindTheirPolicy(String name, String policy) {
        assertEquals(policy, policies.find(name).orElseThrow().name());
    }

    @Test
    void legacyAliasesExpandIntoBothTags() {
        assertEquals(List.of("manylinux_2_17_x86_64", "manylinux2014_x86_64"),
                policies.find("manylinux2014").orElseThrow().platformTags("x86_64"));
        assertEquals(List.of("manylinux_2_5_i686", "manylinux1_i686"),
                policies.find("manylinux_2_5").orElseThrow().platformTags("i686"));
        assertEquals(List.of("manylinux_2_28_aarch64"), policies.find("manylinux_2_28").orElseThrow()
                .platformTags("aarch64"));
    }

    @Test
    void onlyTheNewestMusllinuxPolicyIsKept() {
        List<Policy> musl = policies.forTarget(true, "x86_64");
        assertEquals(List.of("musllinux_1_2"), musl.stream().map(Policy::name).toList());
        assertTrue(musl.get(0).whitelists("libc.musl-x86_64.so.1"));
        assertTrue(musl.get(0).whitelists("libc.so"));
        assertEquals(false, musl.get(0).whitelists("libc.so.6"));
    }

    @Test
    void versionsAreFullNamesPerPrefix() {
        Policy p = policies.find("manylinux_2_17").orElseThrow();
        Set<String> glibc = p.allowedVersions("x86_64", "GLIBC");
        assertTrue(glibc.contains("GLIBC_2.17") && glibc.contains("GLIBC_2.14") && !glibc.contains("GLIBC_2.18"),
                glibc.toString());
        assertTrue(p.allowedVersions("x86_64", "GLIBCXX").contains("GLIBCXX_3.4.19"));
        assertEquals(null, p.allowedVersions("x86_64", "OPENSSL"), "a prefix the policy does not know");
        assertTrue(p.whitelists("libgcc_s.so.1") && p.whitelists("libc.so.6") && !p.whitelists("libssl.so.3"));
        assertTrue(p.blacklist().get("libc.so.6").contains("__cxa_thread_atexit_impl"));
    }

    /** PEP 600: a newer policy allows everything an older one does, so "the most compatible that passes" is sound. */
    @Test
    void newerPoliciesAllowEverythingOlderOnesDo() {
        for (String architecture : List.of("x86_64", "i686", "aarch64")) {
            List<Policy> list = policies.forTarget(false, architecture);
            for (int i = 1; i < list.size(); i++) {
                Policy older = list.get(i - 1);
                Policy newer = list.get(i);
                assertTrue(newer.libraryWhitelist().containsAll(older.libraryWhitelist()), newer + " vs " + older);
                for (Map.Entry<String, Set<String>> prefix : older.symbolVersions().get(architecture).entrySet()) {
                    assertTrue(newer.allowedVersions(architecture, prefix.getKey()).containsAll(prefix.getValue()),
                            newer + " lacks " + prefix.getKey() + " versions of " + older + " on " + architecture);
                }
            }
        }
    }
}
