package dev.rustwheel.audit.linux;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The platform policies, read from auditwheel's policy files bundled as resources (see POLICIES-NOTICE.txt beside
 * them). Like auditwheel on a non-musl host, only the newest musllinux policy is kept: musl has no symbol
 * versions, so nothing in a binary tells musllinux_1_1 from musllinux_1_2.
 */
public final class Policies {

    static final String MANYLINUX_RESOURCE = "manylinux-policy.json";
    static final String MUSLLINUX_RESOURCE = "musllinux-policy.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private record PolicyJson(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "aliases", required = true) List<String> aliases,
            @JsonProperty(value = "priority", required = true) int priority,
            @JsonProperty(value = "symbol_versions", required = true)
            Map<String, Map<String, List<String>>> symbolVersions,
            @JsonProperty(value = "lib_whitelist", required = true) List<String> libWhitelist,
            @JsonProperty(value = "blacklist", required = true) Map<String, List<String>> blacklist) {
    }

    private final List<Policy> manylinux;
    private final List<Policy> musllinux;
    private final Policy linux;

    private Policies(List<Policy> manylinux, List<Policy> musllinux, Policy linux) {
        this.manylinux = manylinux;
        this.musllinux = musllinux;
        this.linux = linux;
    }

    private static final class Holder {
        static final Policies BUNDLED = load();
    }

    /** The bundled policies; a broken resource is a defect of the plugin, so it fails as such. */
    public static Policies bundled() {
        return Holder.BUNDLED;
    }

    private static Policies load() {
        try {
            List<Policy> many = read(MANYLINUX_RESOURCE, false);
            List<Policy> musl = read(MUSLLINUX_RESOURCE, true);
            Policy linux = many.stream().filter(Policy::isLinux).findFirst()
                    .orElseThrow(() -> new IllegalStateException(MANYLINUX_RESOURCE + " has no 'linux' policy"));
            List<Policy> newestMusl = musl.stream().filter(p -> !p.isLinux())
                    .min(Comparator.comparingInt(Policy::priority)).stream().toList();
            return new Policies(mostCompatibleFirst(many), newestMusl, linux);
        } catch (IOException e) {
            throw new UncheckedIOException("rustwheel's bundled policy files are unreadable: " + e.getMessage(), e);
        }
    }

    static List<Policy> read(String resource, boolean musl) throws IOException {
        try (InputStream in = Policies.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is missing from the plugin");
            }
            return parse(MAPPER.readValue(in, new TypeReference<List<PolicyJson>>() { }), musl);
        }
    }

    private static List<Policy> parse(List<PolicyJson> entries, boolean musl) {
        List<Policy> policies = new ArrayList<>();
        for (PolicyJson entry : entries) {
            Map<String, Map<String, Set<String>>> versions = new LinkedHashMap<>();
            entry.symbolVersions().forEach((arch, byPrefix) -> {
                Map<String, Set<String>> prefixes = new LinkedHashMap<>();
                // the files list bare numbers per prefix; binaries name versions in full, GLIBC_2.17
                byPrefix.forEach((prefix, numbers) -> prefixes.put(prefix, numbers.stream()
                        .map(n -> prefix + "_" + n).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new))));
                versions.put(arch, Map.copyOf(prefixes));
            });
            Map<String, Set<String>> blacklist = new LinkedHashMap<>();
            entry.blacklist().forEach((soname, symbols) -> blacklist.put(soname, Set.copyOf(symbols)));
            boolean isLinux = entry.name().equals(Policy.LINUX);
            policies.add(new Policy(entry.name(), entry.aliases(), entry.priority(), musl && !isLinux, versions,
                    Set.copyOf(entry.libWhitelist()), blacklist));
        }
        return List.copyOf(policies);
    }

    private static List<Policy> mostCompatibleFirst(List<Policy> policies) {
        return policies.stream().filter(p -> !p.isLinux())
                .sorted(Comparator.comparingInt(Policy::priority).reversed()).toList();
    }

    public Policy linux() {
        return linux;
    }

    /** The policies that can tag a binary for this C library and architecture, most compatible first. */
    public List<Policy> forTarget(boolean musl, String architecture) {
        return (musl ? musllinux : manylinux).stream().filter(p -> p.supports(architecture)).toList();
    }

    /** Every manylinux and musllinux policy, most compatible first. */
    public List<Policy> all() {
        List<Policy> all = new ArrayList<>(manylinux);
        all.addAll(musllinux);
        return List.copyOf(all);
    }

    /**
     * Whether {@code compatibility} can be asked for at all, before any file is audited: {@code auto}, {@code linux},
     * or a policy by name or alias, optionally followed by one of its architectures ({@code manylinux_2_17_x86_64}).
     */
    public boolean accepts(String compatibility) {
        if (compatibility.equals(PlatformDecision.AUTO) || compatibility.equals(Policy.LINUX)) {
            return true;
        }
        return all().stream().anyMatch(p -> names(p).stream().anyMatch(name -> compatibility.equals(name)
                || compatibility.startsWith(name + "_")
                && p.supports(compatibility.substring(name.length() + 1))));
    }

    /** What {@link #accepts} takes, for messages: {@code auto, linux, manylinux_2_17 (manylinux2014), …}. */
    public String acceptedValues() {
        return PlatformDecision.AUTO + ", " + Policy.LINUX + ", " + all().stream().map(Policy::toString)
                .collect(java.util.stream.Collectors.joining(", "))
                + " (each optionally with an architecture suffix such as _x86_64)";
    }

    private static List<String> names(Policy policy) {
        List<String> names = new ArrayList<>(policy.aliases());
        names.add(0, policy.name());
        return names;
    }

    /** The policy named {@code name} or with {@code name} among its aliases ({@code manylinux2014}). */
    public Optional<Policy> find(String name) {
        if (name.equals(Policy.LINUX)) {
            return Optional.of(linux);
        }
        return all().stream().filter(p -> p.name().equals(name) || p.aliases().contains(name)).findFirst();
    }
}
