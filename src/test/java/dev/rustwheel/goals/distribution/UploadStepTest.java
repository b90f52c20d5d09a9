package dev.rustwheel.goals.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.index.IndexClient;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file is checked before the first is sent, and each is sent once. */
class UploadStepTest {

    private static final String WHEEL = "demo_upload-1.2.0-cp311-cp311-manylinux_2_17_x86_64.whl";

    @TempDir
    Path tempDir;

    private HttpServer server;
    private final AtomicInteger posts = new AtomicInteger();
    private final List<String> log = new ArrayList<>();
    private Path wheel;

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/legacy/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            posts.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        wheel = tempDir.resolve(WHEEL);
        try (InputStream in = getClass().getResourceAsStream("/dev/rustwheel/index/" + WHEEL)) {
            Files.copy(in, wheel);
        }
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private UploadConfig config(List<Path> files, String url) {
        return new UploadConfig(files, url, null, null, false, "rustwheel/test", new IndexClient.Parameters(
                "repositoryUrl (property rustwheel.repositoryUrl)", "repositoryId (property rustwheel.repositoryId)",
                "skipExisting (property rustwheel.skipExisting)"));
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/legacy/";
    }

    private BuildLog log() {
        return new BuildLog() {
            public void info(String message) {
                log.add(message);
            }

            public void warn(String message) {
                log.add(message);
            }

            public void debug(String message) {
            }
        };
    }

    @Test
    void aFileNamedTwiceIsSentOnce() throws Exception {
        new UploadStep(log()).run(config(List.of(wheel, tempDir.resolve(".").resolve(WHEEL)), url()));
        assertEquals(1, posts.get());
        assertTrue(log.contains("Uploaded " + WHEEL), log.toString());
    }

    @Test
    void aBadFileStopsTheUploadBeforeAnythingIsSent() throws Exception {
        Path broken = Files.writeString(tempDir.resolve("broken-1.0-py3-none-any.whl"), "not a zip");
        BuildException e = assertThrows(BuildException.class,
                () -> new UploadStep(log()).run(config(List.of(wheel, broken), url())));
        assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
        assertEquals(0, posts.get());
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedBeforeAnythingIsRead() {
        BuildException e = assertThrows(BuildException.class, () -> new UploadStep(log())
                .run(config(List.of(tempDir.resolve("missing.whl")), "ftp://127.0.0.1/legacy/")));
        assertTrue(e.getMessage().contains("rustwheel.repositoryUrl") && e.getMessage().contains("ftp://"),
                e.getMessage());
        assertEquals(0, posts.get());
    }

    @Test
    void nothingToUploadSaysToRunPackageFirst() {
        BuildException e = assertThrows(BuildException.class,
                () -> new UploadStep(log()).run(config(List.of(), url())));
        assertTrue(e.getMessage().contains("package"), e.getMessage());
    }
}
