package dev.rustwheel.wheel.sbom;

import dev.rustwheel.wheel.PluginBuild;
import dev.rustwheel.wheel.entry.EntryContent;
import java.nio.ByteBuffer;
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
        add(digest, PluginBuild.id());
        add(digest, toolVersion);
        add(digest, timestamp.isPresent() ? timestamp.get().toString() : null);
        add(digest, wheel);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(components.size()).array());
        for (SbomComponent component : components) {
            add(digest, component);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void add(MessageDigest digest, SbomComponent c) {
        for (String value : new String[] {c.ref(), c.name(), c.version(), c.purl(), c.license(), c.sha256(),
                String.valueOf(c.runtime())}) {
            add(digest, value);
        }
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(c.dependsOn().size()).array());
        for (String ref : c.dependsOn()) {
            add(digest, ref);
        }
    }

    /** Length-prefixed, so that no two different lists of values digest alike; null apart from every string. */
    private static void add(MessageDigest digest, String value) {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : bytes.length).array());
        digest.update(bytes);
    }

}
