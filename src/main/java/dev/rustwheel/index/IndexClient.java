package dev.rustwheel.index;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Uploads distributions to a Python package index through the legacy upload API, as twine does: one POST per file,
 * HTTP Basic authentication, no redirects followed, retries with doubling waits on 5xx answers and connection
 * errors. The password goes into the Authorization header only; no message or log line carries it.
 */
public final class IndexClient {

    /** What became of one file. */
    public enum Outcome { UPLOADED, ALREADY_THERE }

    /** A user name and password for the index; {@link #toString} leaves the password out. */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + "]";
        }
    }

    /** Where to upload and how hard to try, and how messages name the parameters that set it. */
    public record Target(URI url, String serverId, Credentials credentials, int attempts, Duration firstWait,
                         Parameters parameters) {
    }

    /**
     * How messages name the upload's parameters, each with its property, as the caller describes them.
     *
     * @param repositoryUrl the parameter that gives the index's URL
     * @param repositoryId  the parameter that names the settings.xml server with the credentials
     * @param skipExisting  the parameter that makes files the index already has a skip, not a failure
     */
    public record Parameters(String repositoryUrl, String repositoryId, String skipExisting) {
    }

    private static final int MESSAGE_LIMIT = 500;

    private final Target target;
    private final String userAgent;
    private final Consumer<String> log;
    /** HTTP/1.1 as twine speaks it: no h2c upgrade offered to indexes that may not expect one on a POST. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();

    public IndexClient(Target target, String userAgent, Consumer<String> log) {
        this.target = target;
        this.userAgent = userAgent;
        this.log = log;
    }

    /** Checks that {@code url} is an absolute http(s) URL with a host, before anything is read or sent. */
    public static URI url(String url, String parameter) throws UploadException {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UploadException(parameter + " '" + url + "' is not an http:// or https:// URL. Set it to the"
                + " index's upload URL, for example https://upload.pypi.org/legacy/ or"
                + " https://nexus.example.org/repository/pypi-internal/.", null);
    }

    /**
     * @param skipExisting whether a file the index already has is only logged, as twine's --skip-existing
     */
    public Outcome upload(UploadForm form, boolean skipExisting) throws UploadException {
        String file = form.file().getFileName().toString();
        IOException lastError = null;
        HttpResponse<String> lastResponse = null;
        for (int attempt = 1; attempt <= target.attempts(); attempt++) {
            if (attempt > 1) {
                Duration wait = target.firstWait().multipliedBy(1L << (attempt - 2));
                log.accept("Retrying the upload of " + file + " in " + wait.toMillis() + " ms (attempt " + attempt
                        + " of " + target.attempts() + ")");
                sleep(wait);
            }
            HttpResponse<String> response;
            try {
                response = send(form);
            } catch (IOException e) {
                lastError = e;
                lastResponse = null;
                log.accept("Cannot reach " + target.url() + ": " + e);
                continue;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return Outcome.UPLOADED;
            }
            if (alreadyExists(status, response.body())) {
                if (skipExisting || attempt > 1) {
                    // after a failed attempt the index may well hold the file that attempt sent
                    log.accept("Skipping " + file + ": the index already has it (" + message(response) + ")");
                    return Outcome.ALREADY_THERE;
                }
                throw refused(file, response, " Set " + target.parameters().skipExisting() + " to skip files"
                        + " the index already has, or give the wheel a new version.");
            }
            if (status >= 500) {
                lastResponse = response;
                lastError = null;
                log.accept("The index at " + target.url() + " failed (HTTP " + status + ": " + message(response)
                        + ")");
                continue;
            }
            throw refused(file, response, advice(status, response));
        }
        if (lastResponse != null) {
            throw new UploadException("The index at " + target.url() + " failed to take " + file + " "
                    + target.attempts() + " times, last with HTTP " + lastResponse.statusCode() + ": "
                    + message(lastResponse) + ". Nothing else was uploaded; try again later.", null);
        }
        throw new UploadException("Cannot reach the index at " + target.url() + " after " + target.attempts()
                + " attempts (" + lastError + "). Check " + target.parameters().repositoryUrl() + ", and that"
                + " the index is running and reachable from this machine.", lastError);
    }

    private HttpResponse<String> send(UploadForm form) throws IOException {
        MultipartBody body = new MultipartBody(form);
        HttpRequest.Builder request = HttpRequest.newBuilder(target.url())
                .header("Content-Type", body.contentType())
                .header("User-Agent", userAgent)
                .POST(body.publisher());
        if (target.credentials() != null) {
            String pair = target.credentials().username() + ":" + target.credentials().password();
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The answers twine's --skip-existing recognises: PyPI, pypiserver, Nexus, Artifactory, GitLab. */
    static boolean alreadyExists(int status, String body) {
        String text = body == null ? "" : body.toLowerCase(Locale.ROOT);
        return status == 409
                || (status == 400 && (text.contains("already exist") || text.contains("updating asset")
                || text.contains("already been taken")))
                || (status == 403 && text.contains("overwrite artifact"));
    }

    private UploadException refused(String file, HttpResponse<String> response, String advice) {
        String message = message(response);
        return new UploadException("The index at " + target.url() + " refused " + file + " (HTTP "
                + response.statusCode() + "): " + message + (message.matches("(?s).*[.!?]") ? "" : ".") + advice,
                null);
    }

    private String advice(int status, HttpResponse<String> response) {
        if (status == 401 || status == 403) {
            return target.credentials() == null
                    ? " No credentials were sent: set " + target.parameters().repositoryId() + " to the id of a"
                    + " <server> in settings.xml that holds the index's username and password."
                    : " Check the username and password of <server> '" + target.serverId() + "' in settings.xml (an"
                    + " API token goes in <password>, with <username>__token__</username> on PyPI).";
        }
        if (status >= 300 && status < 400) {
            return " The index redirects to " + response.headers().firstValue("Location").orElse("another URL")
                    + "; uploads are not redirected, so set repositoryUrl to the index's upload URL itself.";
        }
        return " Fix what the index names, then upload again.";
    }

    /** The index's own words, shortened; its status alone when it said nothing. */
    private static String message(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        if (body.isEmpty()) {
            return "no message";
        }
        return body.length() > MESSAGE_LIMIT ? body.substring(0, MESSAGE_LIMIT) + "…" : body;
    }

    private static void sleep(Duration wait) throws UploadException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadException("Interrupted while waiting to retry an upload.", e);
        }
    }
}
