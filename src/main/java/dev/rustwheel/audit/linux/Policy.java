package dev.rustwheel.audit.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One platform policy of PEP 600 / PEP 656 (manylinux_2_17, musllinux_1_2…) or the {@code linux} fallback, as
 * auditwheel's policy files state it.
 *
 * @param name             {@code manylinux_2_17}, {@code musllinux_1_2} or {@code linux}
 * @param aliases          legacy names of the same policy ({@code manylinux2014})
 * @param priority         higher is more compatible; {@code linux} is 0
 * @param musl             whether this is a musllinux policy
 * @param symbolVersions   per architecture, per version prefix ({@code GLIBC}, {@code GLIBCXX}…), the versions allowed;
 *                         an architecture missing here has no such platform tag
 * @param libraryWhitelist sonames every target system provides, which need not (must not) be grafted
 * @param blacklist        per whitelisted soname, symbols that some systems of the policy lack
 */
public record Policy(String name, List<String> aliases, int priority, boolean musl,
        Map<String, Map<String, Set<String>>> symbolVersions, Set<String> libraryWhitelist,
        Map<String, Set<String>> blacklist) {

    public static final String LINUX = "linux";

    public Policy {
        aliases = List.copyOf(aliases);
        symbolVersions = Map.copyOf(symbolVersions);
        libraryWhitelist = Set.copyOf(libraryWhitelist);
        blacklist = Map.copyOf(blacklist);
    }

    public boolean isLinux() {
        return name.equals(LINUX);
    }

    public boolean supports(String architecture) {
        return isLinux() || symbolVersions.containsKey(architecture);
    }

    /** The policy's platform tags for {@code architecture}: its own name first, then its aliases. */
    public List<String> platformTags(String architecture) {
        List<String> tags = new ArrayList<>();
        tags.add(name + "_" + architecture);
        for (String alias : aliases) {
            tags.add(alias + "_" + architecture);
        }
        return List.copyOf(tags);
    }

    public boolean whitelists(String soname) {
        // musl's libc has the soname libc.musl-<arch>.so.1 on Alpine and plain libc.so elsewhere; the files say libc.so
        return libraryWhitelist.contains(soname)
                || musl && libraryWhitelist.contains("libc.so") && soname.startsWith("libc.musl-");
    }

    /** The versions this policy allows under {@code prefix} on {@code architecture}; null when it does not constrain the prefix. */
    Set<String> allowedVersions(String architecture, String prefix) {
        Map<String, Set<String>> byPrefix = symbolVersions.get(architecture);
        return byPrefix == null ? null : byPrefix.get(prefix);
    }

    @Override
    public String toString() {
        return aliases.isEmpty() ? name : name + " (" + String.join(", ", aliases) + ")";
    }
}
