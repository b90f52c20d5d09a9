package dev.rustwheel.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The fields of a legacy upload API request ({@code POST …/legacy/}, {@code :action=file_upload}) for one
 * distribution, named, ordered and valued as twine 4 sends them: every single-valued field even when empty, each
 * value of a multi-valued field as a field of its own (none when it has none), the digests, then the action.
 */
public final class UploadForm {

    /** One form field; the file itself is not one of them. */
    public record Field(String name, String value) {
    }

    /** Core metadata header → form field, in twine's order; {@code true} marks a multi-valued field. */
    private record Mapping(String field, String header, boolean multiple) {
    }

    private static final List<Mapping> BEFORE_DIGEST = List.of(
            new Mapping("metadata_version", "Metadata-Version", false),
            new Mapping("summary", "Summary", false),
            new Mapping("home_page", "Home-page", false),
            new Mapping("author", "Author", false),
            new Mapping("author_email", "Author-email", false),
            new Mapping("maintainer", "Maintainer", false),
            new Mapping("maintainer_email", "Maintainer-email", false),
            new Mapping("license", "License", false),
            new Mapping("description", null, false),
            new Mapping("keywords", "Keywords", false),
            new Mapping("platform", "Platform", true),
            new Mapping("classifiers", "Classifier", true),
            new Mapping("download_url", "Download-URL", false),
            new Mapping("supported_platform", "Supported-Platform", true),
            new Mapping("comment", null, false));
    private static final List<Mapping> AFTER_DIGEST = List.of(
            new Mapping("provides", "Provides", true),
            new Mapping("requires", "Requires", true),
            new Mapping("obsoletes", "Obsoletes", true),
            new Mapping("project_urls", "Project-URL", true),
            new Mapping("provides_dist", "Provides-Dist", true),
            new Mapping("obsoletes_dist", "Obsoletes-Dist", true),
            new Mapping("requires_dist", "Requires-Dist", true),
            new Mapping("requires_external", "Requires-External", true),
            new Mapping("requires_python", "Requires-Python", false),
            new Mapping("provides_extras", "Provides-Extra", true),
            new Mapping("description_content_type", "Description-Content-Type", false),
            new Mapping("dynamic", "Dynamic", true),
            // Metadata 2.4, which twine 4 cannot read; newer clients send these two
            new Mapping("license_expression", "License-Expression", true),
            new Mapping("license_file", "License-File", true));

    private final Path file;
    private final List<Field> fields;
    private final String name;
    private final String version;

    private UploadForm(Path file, List<Field> fields, String name, String version) {
        this.file = file;
        this.fields = List.copyOf(fields);
        this.name = name;
        this.version = version;
    }

    /** Reads the distribution's metadata and digests it; nothing is sent. */
    public static UploadForm of(Path distribution) throws UploadException {
        DistributionMetadata metadata = DistributionMetadata.read(distribution);
        String name = metadata.first("Name");
        String version = metadata.first("Version");
        if (name == null || version == null) {
            throw new UploadException(distribution + ": its metadata has no " + (name == null ? "Name" : "Version")
                    + ", so no index would accept it; rebuild it with this plugin.", null);
        }
        String fileName = distribution.getFileName().toString();
        boolean wheel = fileName.endsWith(".whl");
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("name", safeName(name)));
        fields.add(new Field("version", version));
        fields.add(new Field("filetype", wheel ? "bdist_wheel" : "sdist"));
        fields.add(new Field("pyversion", wheel ? pythonTag(fileName) : "source"));
        add(fields, BEFORE_DIGEST, metadata);
        Digests digests = Digests.of(distribution);
        fields.add(new Field("sha256_digest", digests.sha256()));
        add(fields, AFTER_DIGEST, metadata);
        fields.add(new Field("md5_digest", digests.md5()));
        fields.add(new Field("blake2_256_digest", digests.blake2b256()));
        fields.add(new Field(":action", "file_upload"));
        fields.add(new Field("protocol_version", "1"));
        return new UploadForm(distribution, fields, name, version);
    }

    private static void add(List<Field> fields, List<Mapping> mappings, DistributionMetadata metadata) {
        for (Mapping mapping : mappings) {
            if (mapping.multiple()) {
                metadata.all(mapping.header()).forEach(v -> fields.add(new Field(mapping.field(), v)));
            } else {
                String value = mapping.field().equals("description") ? metadata.description()
                        : mapping.header() == null ? null : metadata.first(mapping.header());
                fields.add(new Field(mapping.field(), value == null ? "" : value));
            }
        }
    }

    /** As setuptools' {@code safe_name}: each run of characters other than letters, digits and '.' becomes '-'. */
    static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9.]+", "-");
    }

    /** {@code cp311} from {@code name-1.0-cp311-cp311-linux_x86_64.whl}: the third field from the end. */
    private static String pythonTag(String fileName) {
        String[] parts = fileName.substring(0, fileName.length() - ".whl".length()).split("-");
        return parts.length >= 5 ? parts[parts.length - 3] : "";
    }

    public Path file() {
        return file;
    }

    public List<Field> fields() {
        return fields;
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    /** The three digests twine sends, from one read of the file. */
    private record Digests(String sha256, String md5, String blake2b256) {

        static Digests of(Path file) throws UploadException {
            try (InputStream in = Files.newInputStream(file)) {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                MessageDigest md5 = MessageDigest.getInstance("MD5");
                Blake2b blake2b = new Blake2b(32);
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha256.update(buffer, 0, n);
                    md5.update(buffer, 0, n);
                    blake2b.update(buffer, 0, n);
                }
                HexFormat hex = HexFormat.of();
                return new Digests(hex.formatHex(sha256.digest()), hex.formatHex(md5.digest()),
                        hex.formatHex(blake2b.digest()));
            } catch (IOException e) {
                throw new UploadException("Cannot read " + file + ": " + e.getMessage(), e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JVM lacks a digest every JVM has: " + e.getMessage(), e);
            }
        }
    }
}
