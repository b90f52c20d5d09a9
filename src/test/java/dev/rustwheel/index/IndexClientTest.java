package dev.rustwheel.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against an index on 127.0.0.1 that records each request and answers from a script. */
class IndexClientTest {

    private static final String WHEEL = "demo_upload-1.2.0-cp311-cp311-manylinux_2_17_x86_64.whl";
    private static final String PASSWORD = "pa55-w0rd!";
    /** As the upload mojo describes its parameters: each message must carry the description it is given. */
    static final IndexClient.Parameters PARAMETERS = new IndexClient.Parameters(
            "repositoryUrl (property rustwheel.repositoryUrl)", "repositoryId (property rustwheel.repositoryId)",
            "skipExisting (property rustwheel.skipExisting)");
    private static final IndexClient.Credentials ALICE = new IndexClient.Credentials("alice", PASSWORD);

    /** A request as the index saw it. */
    record Recorded(String authorization, String contentType, byte[] body) {
    }

    /** A scripted answer. */
    record Answer(int status, String body) {
    }

    @TempDir
    Path tempDir;

    private HttpServer server;
    private final List<Recorded> requests = new ArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<String> log = new ArrayList<>();
    private final List<String> upgrades = new ArrayList<>();
    private UploadForm form;

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/legacy/", this::handle);
        server.start();
        Path wheel = tempDir.resolve(WHEEL);
        try (InputStream in = getClass().getResourceAsStream(WHEEL)) {
            Files.copy(in, wheel);
        }
        form = UploadForm.of(wheel);
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        upgrades.add(exchange.getRequestHeaders().getFirst("Upgrade"));
        requests.add(new Recorded(exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes()));
        Answer answer = answers.isEmpty() ? new Answer(200, "OK") : answers.poll();
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private IndexClient client(IndexClient.Credentials credentials) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/legacy/");
        return new IndexClient(new IndexClient.Target(url, "internal-pypi", credentials, 3, Duration.ofMillis(5), PARAMETERS),
                "rustwheel/test", log::add);
    }

    @Test
    void anUploadIsOneAuthenticatedMultipartPostCarryingTheWholeFile() throws Exception {
        assertEquals(IndexClient.Outcome.UPLOADED, client(ALICE).upload(form, false));
        assertEquals(1, requests.size());
        Recorded request = requests.get(0);
        assertEquals("Basic " + Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(
                StandardCharsets.UTF_8)), request.authorization());
        assertTrue(request.contentType().startsWith("multipart/form-data; boundary="), request.contentType());
        assertEquals(java.util.Collections.singletonList(null), upgrades, "HTTP/1.1 only, as twine");
        List<UploadFormTest.Part> parts = UploadFormTest.parts(request.body());
        assertEquals(form.fields().size() + 1, parts.size());
        assertTrue(parts.get(parts.size() - 1).headers().contains("filename=\"" + WHEEL + "\""));
        assertEquals(List.of(Files.readAllBytes(form.file()).length), List.of(parts.get(parts.size() - 1).value().length));
    }

    @Test
    void aFileTheIndexHasFailsWithTheIndexsMessageUnlessSkipExistingIsSet() throws Exception {
        String exists = "400 File already exists ('" + WHEEL + "', with blake2_256 hash). See"
                + " https://pypi.org/help/#file-name-reuse for more information.";
        answers.add(new Answer(400, exists));
        UploadException e = assertThrows(UploadException.class, () -> client(ALICE).upload(form, false));
        assertTrue(e.getMessage().contains(exists) && e.getMessage().contains("rustwheel.skipExisting"),
                e.getMessage());
        assertFalse(e.getMessage().contains(".."), "the index's sentence is not ended twice: " + e.getMessage());
        answers.add(new Answer(400, exists));
        assertEquals(IndexClient.Outcome.ALREADY_THERE, client(ALICE).upload(form, true));
        assertEquals(2, requests.size(), "each attempt is one request, none repeated");
        assertTrue(log.get(0).contains("already has it"), log.toString());
    }

    @Test
    void serverErrorsAreRetriedWithWaitsAndTheFileIsSentUntilItIsTaken() throws Exception {
        answers.add(new Answer(503, "Service Unavailable"));
        answers.add(new Answer(502, ""));
        assertEquals(IndexClient.Outcome.UPLOADED, client(ALICE).upload(form, false));
        assertEquals(3, requests.size());
        assertTrue(log.stream().anyMatch(l -> l.contains("attempt 2 of 3")), log.toString());
    }

    @Test
    void aRetryThatFindsTheFileThereCountsAsUploaded() throws Exception {
        answers.add(new Answer(504, "Gateway Timeout"));
        answers.add(new Answer(400, "File already exists."));
        assertEquals(IndexClient.Outcome.ALREADY_THERE, client(ALICE).upload(form, false));
        assertEquals(2, requests.size());
    }

    @Test
    void persistentServerErrorsFailAfterTheLastAttemptWithTheIndexsMessage() {
        for (int i = 0; i < 3; i++) {
            answers.add(new Answer(500, "Internal Server Error: database locked"));
        }
        UploadException e = assertThrows(UploadException.class, () -> client(ALICE).upload(form, false));
        assertTrue(e.getMessage().contains("3 times") && e.getMessage().contains("database locked"), e.getMessage());
        assertEquals(3, requests.size());
    }

    @Test
    void refusedCredentialsNameTheServerIdAndNeverThePassword() {
        answers.add(new Answer(403, "Invalid or non-existent authentication information."));
        UploadException e = assertThrows(UploadException.class, () -> client(ALICE).upload(form, false));
        assertTrue(e.getMessage().contains("HTTP 403") && e.getMessage().contains("'internal-pypi'")
                && e.getMessage().contains("Invalid or non-existent authentication"), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD));
        assertFalse(ALICE.toString().contains(PASSWORD));
        assertEquals(1, requests.size(), "a refusal is not retried");
    }

    @Test
    void withoutCredentialsA401SaysHowToConfigureThem() {
        answers.add(new Answer(401, "Unauthorized"));
        UploadException e = assertThrows(UploadException.class, () -> client(null).upload(form, false));
        assertTrue(e.getMessage().contains("rustwheel.repositoryId"), e.getMessage());
        assertEquals(null, requests.get(0).authorization());
    }

    @Test
    void aRejectedFileCarriesTheIndexsMessage() {
        answers.add(new Answer(400, "Invalid value for classifiers. Error: Classifier 'Foo' is not a valid classifier."));
        UploadException e = assertThrows(UploadException.class, () -> client(ALICE).upload(form, false));
        assertTrue(e.getMessage().contains("Classifier 'Foo' is not a valid classifier"), e.getMessage());
    }

    @Test
    void anUnreachableIndexFailsAfterTheRetriesNamingTheUrlAndTheParameter() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/legacy/");
        IndexClient client = new IndexClient(new IndexClient.Target(url, null, null, 2, Duration.ofMillis(5), PARAMETERS), "t",
                log::add);
        UploadException e = assertThrows(UploadException.class, () -> client.upload(form, false));
        assertTrue(e.getMessage().contains(url.toString()) && e.getMessage().contains("2 attempts")
                && e.getMessage().contains("rustwheel.repositoryUrl"), e.getMessage());
    }

    @Test
    void onlyHttpAndHttpsUrlsWithAHostAreAccepted() throws Exception {
        assertEquals("https", IndexClient.url("https://upload.pypi.org/legacy/", "repositoryUrl").getScheme());
        for (String bad : List.of("ftp://example.org/legacy/", "file:///tmp/index", "upload.pypi.org/legacy/",
                "http://", "http://exa mple.org/")) {
            UploadException e = assertThrows(UploadException.class, () -> IndexClient.url(bad, "repositoryUrl"));
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("https://"),
                    e.getMessage());
        }
    }

    @Test
    void alreadyExistsIsRecognisedAsTwineRecognisesIt() {
        assertTrue(IndexClient.alreadyExists(409, ""));
        assertTrue(IndexClient.alreadyExists(400, "File already exists"));
        assertTrue(IndexClient.alreadyExists(400, "Repository does not allow updating assets: pypi-hosted"));
        assertTrue(IndexClient.alreadyExists(403, "Not enough permissions to overwrite artifact"));
        assertFalse(IndexClient.alreadyExists(400, "Invalid version"));
        assertFalse(IndexClient.alreadyExists(403, "Forbidden"));
    }
}
