package dev.rustwheel.goals.packaging;

import java.nio.charset.StandardCharsets;

/** Package URLs (purl) for the SBOM's components, each segment percent-encoded as the purl specification asks. */
final class Purls {

    private Purls() {
    }

    /** {@code pkg:cargo/pyo3@0.17.3}. */
    static String cargo(String name, String version) {
        return "pkg:cargo/" + encode(name) + "@" + encode(version);
    }

    /** {@code pkg:pypi/fast-parse@1.2.0?file_name=fast_parse-1.2.0-….whl}, with the name PEP 503-normalized. */
    static String pypi(String normalizedName, String version, String fileName) {
        return "pkg:pypi/" + encode(normalizedName) + "@" + encode(version) + "?file_name=" + encode(fileName);
    }

    /** Keeps letters, digits and {@code .-_~}; percent-encodes every other byte of the UTF-8 form. */
    static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ".-_~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
