package dev.rustwheel.audit.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
    void policiesReadAheadAreTheSameAsThoseReadOnDemand() throws Exception {
        policies.prefetch("s390x");
        policies.prefetch("s390x");
        List<Policy> prefetched = policies.forTarget(false, "s390x");
        List<Policy> expected = Policies.read(Policies.MANYLINUX_RESOURCE, false, "s390x"::equals).stream()
                .filter(p -> !p.isLinux() && p.supports("s390x"))
                .sorted(java.util.Comparator.comparingInt(Policy::priority).reversed()).toList();
        // other tests may have read every architecture's policies first, which forTarget then uses
        assertEquals(expected.stream().map(Policy::name).toList(), prefetched.stream().map(Policy::name).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).symbolVersions().get("s390x"), prefetched.get(i).symbolVersions().get("s390x"));
        }
        assertEquals("manylinux_2_17", prefetched.get(0).name());
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

    @ParameterizedTest
    @CsvSource({"auto, true", "linux, true", "manylinux2014, true", "manylinux_2_17_x86_64, true",
            "musllinux_1_2_aarch64, true", "manylinux_2_17_sparc64, false", "manylinux_9_99, false", "windows, false"})
    void acceptsTheDefaultsAndPolicyNames(String compatibility, boolean accepted) {
        assertEquals(accepted, Policies.accepts(compatibility));
    }

    @Test
    void parsesAPolicyWithEveryField() throws Exception {
        List<Policy> parsed = Policies.parse(bytes("""
                [{"name": "manylinux_2_99", "aliases": ["m99"], "priority": 7,
                  "symbol_versions": {"x86_64": {"GLIBC": ["2.0", "2.99"]}},
                  "lib_whitelist": ["libc.so.6"], "blacklist": {"libc.so.6": ["gone"]}, "later": {"x": [1]}}]"""),
                "test.json", false, architecture -> true);
        Policy p = parsed.get(0);
        assertEquals(List.of("m99"), p.aliases());
        assertEquals(7, p.priority());
        assertEquals(Set.of("GLIBC_2.0", "GLIBC_2.99"), p.allowedVersions("x86_64", "GLIBC"));
        assertEquals(Set.of("libc.so.6"), p.libraryWhitelist());
        assertEquals(Map.of("libc.so.6", Set.of("gone")), p.blacklist());
    }

    @Test
    void anAuditReadsOnlyItsArchitecturesVersions() throws Exception {
        byte[] json = bytes("""
                [{"name": "manylinux_2_99", "aliases": [], "priority": 7,
                  "symbol_versions": {"i686": {"GLIBC": ["2.0"]}, "x86_64": {"GLIBC": ["2.0", "2.99"]},
                                      "aarch64": {"GLIBC": ["2.17"]}},
                  "lib_whitelist": ["libc.so.6"], "blacklist": {}}]""");
        Policy narrowed = Policies.parse(json, "test.json", false, "x86_64"::equals).get(0);
        assertEquals(Map.of("x86_64", Map.of("GLIBC", Set.of("GLIBC_2.0", "GLIBC_2.99"))), narrowed.symbolVersions());
        assertEquals(Policies.parse(json, "test.json", false, architecture -> true).get(0).allowedVersions("x86_64",
                "GLIBC"), narrowed.allowedVersions("x86_64", "GLIBC"));
        assertEquals(false, narrowed.supports("aarch64"));
    }

    /** What an audit of one architecture reads equals that architecture's part of every policy. */
    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "i686", "aarch64", "ppc64le", "s390x", "armv7l", "riscv64", "loongarch64"})
    void oneArchitecturesPoliciesEqualItsPartOfAll(String architecture) throws Exception {
        for (boolean musl : List.of(false, true)) {
            for (String resource : List.of(Policies.MANYLINUX_RESOURCE, Policies.MUSLLINUX_RESOURCE)) {
                List<Policy> narrowed = Policies.read(resource, musl, architecture::equals);
                List<Policy> every = Policies.read(resource, musl, a -> true);
                assertEquals(every.size(), narrowed.size());
                for (int i = 0; i < every.size(); i++) {
                    Policy all = every.get(i);
                    Map<String, Map<String, Set<String>>> part = all.symbolVersions().containsKey(architecture)
                            ? Map.of(architecture, all.symbolVersions().get(architecture)) : Map.of();
                    assertEquals(new Policy(all.name(), all.aliases(), all.priority(), all.musl(), part,
                            all.libraryWhitelist(), all.blacklist()), narrowed.get(i));
                }
            }
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "[{\"aliases\": [], \"priority\": 1, \"symbol_versions\": {}, \"lib_whitelist\": [], \"blacklist\": {}}]",
            "[{\"name\": \"p\", \"aliases\": [], \"priority\": null, \"symbol_versions\": {}, \"lib_whitelist\": [], \"blacklist\": {}}]",
            "[{\"name\": \"p\", \"aliases\": [], \"priority\": 1, \"symbol_versions\": {}, \"lib_whitelist\": [3], \"blacklist\": {}}]",
            "[{\"name\": \"p\", \"aliases\": [], \"priority\": 1, \"symbol_versions\": {\"x86_64\": {\"GLIBC\": \"2.5\"}}, \"lib_whitelist\": [], \"blacklist\": {}}]",
            "[{\"name\": \"p\", \"aliases\": [], \"priority\": 1, \"symbol_versions\": {}, \"lib_whitelist\": []}]"})
    void refusesAPolicyFileMissingOrMistypingAField(String json) {
        IOException e = assertThrows(IOException.class,
                () -> Policies.parse(bytes(json), "broken-policy.json", false, architecture -> true));
        assertTrue(e.getMessage().contains("broken-policy.json"), e.getMessage());
    }
}
