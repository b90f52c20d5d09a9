package dev.rustwheel.audit.linux;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustwheel.json.JsonTrees;
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
import java.util.function.Predicate;

/**
 * The platform policies, read from auditwheel's policy files bundled as resources (see POLICIES-NOTICE.txt beside
 * them). Like auditwheel on a non-musl host, only the newest musllinux policy is kept: musl has no symbol
 * versions, so nothing in a binary tells musllinux_1_1 from musllinux_1_2.
 */
public final class Policies {

    static final String MANYLINUX_RESOURCE = "manylinux-policy.json";
    static final String MUSLLINUX_RESOURCE = "musllinux-policy.json";

    private final List<Policy> manylinux;
    private final List<Policy> musllinux;
    private final Policy linux;

    private Policies(List<Policy> manylinux, List<Policy> musllinux, Policy linux) {
        this.manylinux = manylinux;
        this.musllinux = musllinux;
        this.linux = linux;
    }

    /**
     * Initialised on first use: checking {@code compatibility = auto} needs neither the files nor their parsing. Read
     * as a tree built from the streaming parser: an object mapper costs a cold JVM a third of a second.
     */
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
            return parse(JsonTrees.json(in.readAllBytes()), resource, musl);
        }
    }

    /** auditwheel's format: a list of policies, each field required. */
    static List<Policy> parse(JsonNode entries, String resource, boolean musl) throws IOException {
        if (entries == null || !entries.isArray()) {
            throw new IOException(resource + " is not a list of policies");
        }
        List<Policy> policies = new ArrayList<>();
        for (JsonNode entry : entries) {
            String name = field(entry, "name", resource, JsonNode::isTextual).asText();
            Map<String, Map<String, Set<String>>> versions = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> arch : fields(field(entry, "symbol_versions", resource, JsonNode::isObject))) {
                Map<String, Set<String>> prefixes = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> prefix : fields(arch.getValue())) {
                    // the files list bare numbers per prefix; binaries name versions in full, GLIBC_2.17
                    Set<String> full = new LinkedHashSet<>();
                    strings(prefix.getValue(), resource, "symbol_versions").forEach(n -> full.add(prefix.getKey() + "_" + n));
                    prefixes.put(prefix.getKey(), full);
                }
                versions.put(arch.getKey(), Map.copyOf(prefixes));
            }
            Map<String, Set<String>> blacklist = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> soname : fields(field(entry, "blacklist", resource, JsonNode::isObject))) {
                blacklist.put(soname.getKey(), Set.copyOf(strings(soname.getValue(), resource, "blacklist")));
            }
            boolean isLinux = name.equals(Policy.LINUX);
            policies.add(new Policy(name, strings(field(entry, "aliases", resource, JsonNode::isArray), resource,
                    "aliases"), field(entry, "priority", resource, JsonNode::isInt).asInt(), musl && !isLinux,
                    versions, Set.copyOf(strings(field(entry, "lib_whitelist", resource, JsonNode::isArray), resource,
                            "lib_whitelist")), blacklist));
        }
        return List.copyOf(policies);
    }

    private static JsonNode field(JsonNode entry, String name, String resource,
                                  Predicate<JsonNode> type) throws IOException {
        JsonNode value = entry.get(name);
        if (value == null || !type.test(value)) {
            throw new IOException(resource + ": policy " + entry.path("name").asText("?") + " has no valid '"
                    + name + "'");
        }
        return value;
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode object) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        object.fields().forEachRemaining(fields::add);
        return fields;
    }

    private static List<String> strings(JsonNode array, String resource, String field) throws IOException {
        if (!array.isArray()) {
            throw new IOException(resource + ": '" + field + "' holds " + array + " where a list is expected");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (!value.isTextual()) {
                throw new IOException(resource + ": '" + field + "' lists " + value + ", not a string");
            }
            values.add(value.asText());
        }
        return values;
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
     * The policy files are read only for a policy's name: the default ({@code auto}) is checked without them.
     */
    public static boolean accepts(String compatibility) {
        if (compatibility.equals(PlatformDecision.AUTO) || compatibility.equals(Policy.LINUX)) {
            return true;
        }
        return bundled().all().stream().anyMatch(p -> names(p).stream().anyMatch(name -> compatibility.equals(name)
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
