package dev.rustwheel.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The core metadata a distribution carries ({@code <dist-info>/METADATA} in a wheel, {@code <dir>/PKG-INFO} at the top
 * of an sdist), read as the upload form needs it: each header's values in order, and the description.
 */
final class DistributionMetadata {

    private final Map<String, List<String>> headers;
    private final String body;

    private DistributionMetadata(Map<String, List<String>> headers, String body) {
        this.headers = headers;
        this.body = body;
    }

    /** The values of header {@code name} (matched case-insensitively), in order; empty when absent. */
    List<String> all(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
    }

    /** The first value of header {@code name}, or null. */
    String first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The description: the message body, or the older {@code Description} header. */
    String description() {
        return body != null && !body.isEmpty() ? body : first("Description");
    }

    static DistributionMetadata read(Path file) throws UploadException {
        String name = file.getFileName().toString();
        try {
            if (name.endsWith(".whl")) {
                return parse(fromWheel(file));
            }
            if (name.endsWith(".tar.gz")) {
                return parse(fromSdist(file));
            }
        } catch (IOException e) {
            throw new UploadException("Cannot read the metadata of " + file + ": " + e.getMessage(), e);
        }
        throw new UploadException("Cannot upload " + file + ": only wheels (.whl) and sdists (.tar.gz) can be"
                + " uploaded to a Python package index.", null);
    }

    private static String fromWheel(Path wheel) throws IOException, UploadException {
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            for (ZipEntry entry : entries) {
                String path = entry.getName();
                if (path.endsWith(".dist-info/METADATA") && path.indexOf('/') == path.lastIndexOf('/')) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        throw new UploadException(wheel + " holds no .dist-info/METADATA, so it is not a wheel an index accepts;"
                + " rebuild it with the package goal.", null);
    }

    private static String fromSdist(Path sdist) throws IOException, UploadException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(sdist)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String path = entry.getName();
                if (path.endsWith("/PKG-INFO") && path.indexOf('/') == path.lastIndexOf('/')) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    tar.transferTo(out);
                    return out.toString(StandardCharsets.UTF_8);
                }
            }
        }
        throw new UploadException(sdist + " holds no <name>-<version>/PKG-INFO, so it is not an sdist an index"
                + " accepts; rebuild it with the sdist goal.", null);
    }

    /** RFC 822 style headers (continuation lines start with white space) up to the first blank line, then the body. */
    static DistributionMetadata parse(String text) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String normalized = text.replace("\r\n", "\n");
        int end = normalized.indexOf("\n\n");
        String head = end < 0 ? normalized : normalized.substring(0, end);
        String body = end < 0 ? null : normalized.substring(end + 2);
        String name = null;
        List<String> lines = new ArrayList<>(List.of(head.split("\n")));
        for (String line : lines) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
                List<String> values = headers.get(name);
                values.set(values.size() - 1, values.get(values.size() - 1) + "\n" + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            name = line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        return new DistributionMetadata(headers, body);
    }
}
