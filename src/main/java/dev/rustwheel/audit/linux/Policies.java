package dev.rustwheel.audit.linux;

import com.fasterxml.jackson.core.JsonParseException;
import dev.rustwheel.json.Json;
import dev.rustwheel.json.JsonReader;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The platform policies, read from auditwheel's policy files bundled as resources (see POLICIES-NOTICE.txt beside
 * them). Like auditwheel on a non-musl host, only the newest musllinux policy is kept: musl has no symbol
 * versions, so nothing in a binary tells musllinux_1_1 from musllinux_1_2.
 *
 * <p>The files are read on first need, straight from the streaming parser. An audit asks for one architecture's
 * policies ({@link #forTarget}), and only that architecture's symbol versions are read then: the other
 * architectures' lists, about nine tenths of the files, are skipped unparsed. Names, whitelists and blacklists
 * are read either way; everything else reads the policies of every architecture. An audit that knows the
 * architecture before it has read its files' symbols and libraries has the policies read meanwhile on another
 * thread ({@link #prefetch}): in a cold JVM, reading them costs about as much as reading the files.
 */
public final class Policies {

    static final String MANYLINUX_RESOURCE = "manylinux-policy.json";
    static final String MUSLLINUX_RESOURCE = "musllinux-policy.json";

    private static final Policies BUNDLED = new Policies();

    /** Every architecture's policies, once something needs them all. */
    private volatile Loaded every;
    /** One architecture's policies each, for audits that ran before (or without) the whole set. */
    private final Map<String, CompletableFuture<Loaded>> byArchitecture = new ConcurrentHashMap<>();

    private Policies() {
    }

    /**
     * @param manylinux most compatible first, {@code linux} left out
     * @param musllinux the newest musllinux policy alone
     */
    private record Loaded(List<Policy> manylinux, List<Policy> musllinux, Policy linux) {
    }

    /** The bundled policies; a broken resource is a defect of the plugin, so it fails as such when first read. */
    public static Policies bundled() {
        return BUNDLED;
    }

    private Loaded every() {
        Loaded loaded = every;
        if (loaded == null) {
            loaded = load(architecture -> true);
            every = loaded;
        }
        return loaded;
    }

    private static Loaded load(Predicate<String> architectures) {
        try {
            List<Policy> many = read(MANYLINUX_RESOURCE, false, architectures);
            List<Policy> musl = read(MUSLLINUX_RESOURCE, true, architectures);
            Policy linux = null;
            for (Policy policy : many) {
                if (policy.isLinux()) {
                    linux = policy;
                    break;
                }
            }
            if (linux == null) {
                throw new IllegalStateException(MANYLINUX_RESOURCE + " has no 'linux' policy");
            }
            Policy newestMusl = null;
            for (Policy policy : musl) {
                if (!policy.isLinux() && (newestMusl == null || policy.priority() < newestMusl.priority())) {
                    newestMusl = policy;
                }
            }
            return new Loaded(mostCompatibleFirst(many), newestMusl == null ? List.of() : List.of(newestMusl), linux);
        } catch (IOException e) {
            throw new UncheckedIOException("rustwheel's bundled policy files are unreadable: " + e.getMessage(), e);
        }
    }

    static List<Policy> read(String resource, boolean musl, Predicate<String> architectures) throws IOException {
        try (InputStream in = Policies.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is missing from the plugin");
            }
            return parse(in.readAllBytes(), resource, musl, architectures);
        }
    }

    /**
     * auditwheel's format: a list of policies, each field required; fields it may add later are passed over.
     *
     * @param architectures the architectures whose symbol versions are kept; the others' are skipped unread
     */
    static List<Policy> parse(byte[] document, String resource, boolean musl, Predicate<String> architectures)
            throws IOException {
        try (JsonReader json = Json.read(document)) {
            List<Policy> policies = new ArrayList<>();
            json.beginArray();
            while (json.nextElement()) {
                policies.add(policy(json, musl, architectures));
            }
            return List.copyOf(policies);
        } catch (JsonParseException e) {
            throw new IOException(resource + ": " + e.getOriginalMessage(), e);
        }
    }

    private static Policy policy(JsonReader json, boolean musl, Predicate<String> architectures) throws IOException {
        String name = null;
        List<String> aliases = null;
        Integer priority = null;
        Map<String, Map<String, Set<String>>> versions = null;
        List<String> whitelist = null;
        Map<String, Set<String>> blacklist = null;
        json.beginObject();
        for (String field; (field = json.nextField()) != null; ) {
            switch (field) {
                case "name" -> name = json.nonNullString();
                case "aliases" -> aliases = json.strings();
                case "priority" -> priority = json.intValue();
                case "symbol_versions" -> versions = symbolVersions(json, architectures);
                case "lib_whitelist" -> whitelist = json.strings();
                case "blacklist" -> blacklist = blacklist(json);
                default -> json.skip();
            }
        }
        json.require(name, "name");
        boolean isLinux = name.equals(Policy.LINUX);
        return new Policy(name, json.require(aliases, "aliases"), json.require(priority, "priority"), musl && !isLinux,
                json.require(versions, "symbol_versions"), Set.copyOf(json.require(whitelist, "lib_whitelist")),
                json.require(blacklist, "blacklist"));
    }

    /** Per architecture, per prefix, the full version names: the files list bare numbers, binaries GLIBC_2.17. */
    private static Map<String, Map<String, Set<String>>> symbolVersions(JsonReader json,
            Predicate<String> architectures) throws IOException {
        Map<String, Map<String, Set<String>>> versions = new LinkedHashMap<>();
        json.beginObject();
        for (String architecture; (architecture = json.nextField()) != null; ) {
            if (!architectures.test(architecture)) {
                json.skip();
                continue;
            }
            Map<String, Set<String>> prefixes = new LinkedHashMap<>();
            json.beginObject();
            for (String prefix; (prefix = json.nextField()) != null; ) {
                Set<String> full = new LinkedHashSet<>();
                for (String number : json.strings()) {
                    full.add(prefix + "_" + number);
                }
                prefixes.put(prefix, full);
            }
            versions.put(architecture, Map.copyOf(prefixes));
        }
        return versions;
    }

    private static Map<String, Set<String>> blacklist(JsonReader json) throws IOException {
        Map<String, Set<String>> blacklist = new LinkedHashMap<>();
        json.beginObject();
        for (String soname; (soname = json.nextField()) != null; ) {
            blacklist.put(soname, Set.copyOf(json.strings()));
        }
        return blacklist;
    }

    private static List<Policy> mostCompatibleFirst(List<Policy> policies) {
        List<Policy> sorted = new ArrayList<>();
        for (Policy policy : policies) {
            if (!policy.isLinux()) {
                sorted.add(policy);
            }
        }
        sorted.sort(Comparator.comparingInt(Policy::priority).reversed());
        return List.copyOf(sorted);
    }

    public Policy linux() {
        return every().linux();
    }

    /**
     * The policies that can tag a binary for this C library and architecture, most compatible first. Before
     * anything needed every architecture's policies, only this architecture's symbol versions are read.
     */
    public List<Policy> forTarget(boolean musl, String architecture) {
        Loaded loaded = every;
        if (loaded == null) {
            CompletableFuture<Loaded> reading = byArchitecture.get(architecture);
            if (reading == null) {
                reading = CompletableFuture.completedFuture(load(architecture::equals));
                CompletableFuture<Loaded> raced = byArchitecture.putIfAbsent(architecture, reading);
                reading = raced != null ? raced : reading;
            }
            try {
                loaded = reading.join();
            } catch (CompletionException e) {
                // as if read on this thread: the reader's own failure, not a wrapper
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
        }
        List<Policy> target = new ArrayList<>();
        for (Policy policy : musl ? loaded.musllinux() : loaded.manylinux()) {
            if (policy.supports(architecture)) {
                target.add(policy);
            }
        }
        return List.copyOf(target);
    }

    /**
     * Starts reading {@code architecture}'s policies on a thread of their own, unless they are read or being read:
     * {@link #forTarget} then waits for them, or fails as the reading did.
     */
    public void prefetch(String architecture) {
        if (every == null && !byArchitecture.containsKey(architecture)) {
            Reader reader = new Reader(architecture);
            if (byArchitecture.putIfAbsent(architecture, reader.reading) == null) {
                reader.start();
            }
        }
    }

    /** Reads one architecture's policies; a thread class, not a lambda, which would cost the caller more to link. */
    private static final class Reader extends Thread {

        private final String architecture;
        private final CompletableFuture<Loaded> reading = new CompletableFuture<>();

        Reader(String architecture) {
            super("rustwheel-policies-" + architecture);
            this.architecture = architecture;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                reading.complete(load(architecture::equals));
            } catch (RuntimeException | Error e) {
                reading.completeExceptionally(e);
            }
        }
    }

    /** Every manylinux and musllinux policy, most compatible first. */
    public List<Policy> all() {
        List<Policy> all = new ArrayList<>(every().manylinux());
        all.addAll(every().musllinux());
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
            return Optional.of(linux());
        }
        return all().stream().filter(p -> p.name().equals(name) || p.aliases().contains(name)).findFirst();
    }
}
