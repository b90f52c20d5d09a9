package dev.rustwheel.bench.floor;

import com.fasterxml.jackson.core.JsonParser;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reads the manifest and the kept answer of {@code cargo metadata}, runs the same {@code cargo build} as
 * rustwheel's compile goal (parsing each of its messages whole) and writes the manifest.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class CompileMojo extends FloorGoal {

    /** The kept answer of {@code cargo metadata} of the build being measured. */
    @Parameter(property = "floor.metadata", required = true)
    private File metadata;

    @Parameter(property = "floor.cargoTargetDirectory", required = true)
    private File cargoTargetDirectory;

    @Parameter(property = "floor.python", required = true)
    private String python;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    @Override
    void work() throws IOException {
        byte[] manifest = readManifest();
        parsed(metadata.toPath());
        ProcessBuilder cargo = new ProcessBuilder("cargo", "build", "--message-format=json-render-diagnostics",
                "--manifest-path", new File(basedir, "Cargo.toml").getPath(), "--release", "--offline")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> environment = cargo.environment();
        environment.put("CARGO_TARGET_DIR", cargoTargetDirectory.getPath());
        environment.put("PYO3_BUILD_EXTENSION_MODULE", "1");
        environment.put("PYO3_PYTHON", python);
        Process process = cargo.start();
        try (BufferedReader messages = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = messages.readLine(); line != null; line = messages.readLine()) {
                try (JsonParser message = JSON.createParser(line)) {
                    while (message.nextToken() != null) {
                        // every token read, as a parser taking what it needs from each message would at least
                    }
                }
            }
            if (process.waitFor() != 0) {
                throw new IOException("cargo build failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        writeManifest(manifest);
    }
}
