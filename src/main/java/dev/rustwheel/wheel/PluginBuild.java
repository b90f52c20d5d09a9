package dev.rustwheel.wheel;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.UUID;

/**
 * Which build of the plugin is running, as one string: its jar's path, size and modification time. What is kept
 * from one build to the next and decides a wheel's bytes (a rendered SBOM, a repair's outcome) is keyed by it,
 * since another build of the plugin may decide differently. Classes outside a jar (unit tests, an IDE) get a value
 * of their own in each JVM, so nothing they keep is reused by another JVM.
 */
public final class PluginBuild {

    private static final String ID = id(PluginBuild.class.getProtectionDomain().getCodeSource());

    private PluginBuild() {
    }

    /** The running build's identity, the same for the whole JVM. */
    public static String id() {
        return ID;
    }

    static String id(CodeSource source) {
        try {
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            if (jar != null && Files.isRegularFile(jar)) {
                BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
                return jar + ":" + attributes.size() + ":" + attributes.lastModifiedTime().toInstant();
            }
        } catch (URISyntaxException | IOException | RuntimeException e) {
            // below: never reused across JVMs
        }
        return "classes-of-this-jvm:" + UUID.randomUUID();
    }
}
