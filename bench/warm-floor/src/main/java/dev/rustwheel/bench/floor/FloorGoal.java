package dev.rustwheel.bench.floor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The least a goal of a warm build does in any plugin that keeps a manifest between goals, as rustwheel must (its
 * invariants: the manifest is written, atomically and forced to disk, before each move): Maven configures and runs
 * the goal, and the goal reads the manifest and, if it moves a file, writes it. Nothing else — no parameter checked,
 * no project file read, no cache keyed, no log line. The manifest starts as a copy of the measured build's, so the
 * floor parses and generates as many bytes, with the same Jackson.
 */
abstract class FloorGoal extends AbstractMojo {

    static final JsonFactory JSON = new JsonFactory();

    /** The manifest of the build being measured, the floor's first manifest. */
    @Parameter(property = "floor.manifest", required = true)
    private File seed;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    private File buildDirectory;

    @Override
    public final void execute() throws MojoExecutionException {
        try {
            work();
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    abstract void work() throws IOException;

    /** Parses the manifest whole (the first build parses the seed) and returns it generated again. */
    byte[] readManifest() throws IOException {
        Path manifest = manifest();
        return parsed(Files.exists(manifest) ? manifest : seed.toPath());
    }

    /**
     * Replaces the manifest as rustwheel does: a temp file forced to disk, renamed over it. The same lines as
     * {@code ManifestStore}'s, on purpose: calling the plugin's would load its classes, which the floor leaves out.
     */
    void writeManifest(byte[] bytes) throws IOException {
        Path manifest = manifest();
        Files.createDirectories(manifest.getParent());
        Path temp = manifest.resolveSibling("manifest.json.tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
        Files.move(temp, manifest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static byte[] parsed(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonParser parser = JSON.createParser(Files.readAllBytes(file));
                JsonGenerator generator = JSON.createGenerator(out)) {
            generator.useDefaultPrettyPrinter();
            parser.nextToken();
            generator.copyCurrentStructure(parser);
        }
        return out.toByteArray();
    }

    private Path manifest() {
        return buildDirectory.toPath().resolve("warm-floor/manifest.json");
    }
}
