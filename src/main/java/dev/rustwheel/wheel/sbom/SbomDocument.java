package dev.rustwheel.wheel.sbom;

import dev.rustwheel.wheel.PluginBuild;
import dev.rustwheel.wheel.entry.EntryContent;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What one SBOM says, before it is rendered: rendering loads and runs the CycloneDX library (a few tenths of a
 * second in a fresh JVM), which a rebuild that reuses the SBOM entry from the previous wheel need not pay. Its
 * fingerprint names every input of {@link Sbom#render} and the code that renders it ({@link PluginBuild}), so an
 * unchanged fingerprint means unchanged bytes.
 *
 * @param wheel       the root component: the wheel itself
 * @param components  everything it contains or was built from; refs unique
 * @param toolVersion the version of the plugin that writes it
 * @param timestamp   the build's fixed time, if it has one
 */
public record SbomDocument(SbomComponent wheel, List<SbomComponent> components, String toolVersion,
                           Optional<Instant> timestamp) {

    public SbomDocument {
        components = List.copyOf(components);
    }

    /** The SBOM's path relative to the {@code .dist-info} directory. */
    public static String path(String name) {
        return "sboms/" + name + ".cyclonedx.json";
    }

    /** The SBOM's bytes, generated only when the wheel writer cannot reuse them. */
    public EntryContent content() {
        return EntryContent.generated("sbom:" + fingerprint(), new Renderer(this));
    }

    /** Renders the document when asked; a class and loops below, for a lambda would cost every package a class. */
    private record Renderer(SbomDocument document) implements Supplier<byte[]> {
        @Override
        public byte[] get() {
            return Sbom.render(document.wheel, document.components, document.toolVersion, document.timestamp);
        }
    }

    /** A digest of everything the rendered bytes depend on, computed without rendering them. */
    public String fingerprint() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
        // gathered first and digested at once: the same bytes as digesting each value, without a digest update per
        // value, which a warm build runs as interpreted code for every crate of the graph
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        DataOutputStream values = new DataOutputStream(bytes);
        try {
            add(values, PluginBuild.id());
            add(values, toolVersion);
            add(values, timestamp.isPresent() ? timestamp.get().toString() : null);
            add(values, wheel);
            values.writeInt(components.size());
            for (SbomComponent component : components) {
                add(values, component);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream does not fail", e);
        }
        return HexFormat.of().formatHex(digest.digest(bytes.toByteArray()));
    }

    private static void add(DataOutputStream values, SbomComponent c) throws IOException {
        for (String value : new String[] {c.ref(), c.name(), c.version(), c.purl(), c.license(), c.sha256(),
                String.valueOf(c.runtime())}) {
            add(values, value);
        }
        values.writeInt(c.dependsOn().size());
        for (String ref : c.dependsOn()) {
            add(values, ref);
        }
    }

    /** Length-prefixed, so that no two different lists of values digest alike; null apart from every string. */
    private static void add(DataOutputStream values, String value) throws IOException {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        values.writeInt(value == null ? -1 : bytes.length);
        values.write(bytes);
    }
}
