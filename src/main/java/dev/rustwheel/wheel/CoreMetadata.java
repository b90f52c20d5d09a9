package dev.rustwheel.wheel;

import dev.rustwheel.python.DistributionName;
import dev.rustwheel.python.Pep440;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code METADATA} file of a wheel (core metadata 2.4). Built with {@link #builder}, so that fields added later
 * do not change existing callers. Values are checked only for what would break the file's format; what they mean
 * (PEP 508 requirements, SPDX expressions) is checked where they are read, so errors can name the user's file.
 *
 * @param version     in PEP 440 normal form
 * @param description the long description, written as the message body after the headers
 * @param authors     {@code Author:} — people known by name only, comma-separated
 * @param authorEmails {@code Author-email:} — {@code Name <address>} or bare addresses, comma-separated
 * @param licenseFiles paths under {@code <dist-info>/licenses/}, as {@code License-File:} lists them
 * @param homePage    {@code Home-Page:}, which maturin still writes from Cargo.toml's {@code homepage}
 */
public record CoreMetadata(
        DistributionName name,
        String version,
        Optional<String> summary,
        Optional<String> description,
        Optional<String> descriptionContentType,
        List<String> keywords,
        List<String> authors,
        List<String> authorEmails,
        List<String> maintainers,
        List<String> maintainerEmails,
        Optional<String> license,
        Optional<String> licenseExpression,
        List<String> licenseFiles,
        List<String> classifiers,
        List<String> requiresDist,
        Optional<String> requiresPython,
        List<ProjectUrl> projectUrls,
        List<String> providesExtra,
        Optional<String> homePage) {

    public static final String FILE_NAME = "METADATA";

    /** A {@code Project-URL:} entry: a label of at most 32 characters and the URL. */
    public record ProjectUrl(String label, String url) {
        public ProjectUrl {
            if (label.length() > 32 || label.contains(",")) {
                throw new IllegalArgumentException("Project-URL label '" + label + "' must be at most 32 characters"
                        + " and contain no comma");
            }
        }
    }

    public CoreMetadata {
        if (!Pep440.isNormalized(version)) {
            throw new IllegalArgumentException("version '" + version + "' is not in PEP 440 normal form");
        }
        keywords = List.copyOf(keywords);
        authors = List.copyOf(authors);
        authorEmails = List.copyOf(authorEmails);
        maintainers = List.copyOf(maintainers);
        maintainerEmails = List.copyOf(maintainerEmails);
        licenseFiles = List.copyOf(licenseFiles);
        classifiers = List.copyOf(classifiers);
        requiresDist = List.copyOf(requiresDist);
        projectUrls = List.copyOf(projectUrls);
        providesExtra = List.copyOf(providesExtra);
        // loops rather than lambdas here and in render: compile and package build this record on every build, and
        // each lambda would cost a warm build its own class
        for (Optional<String> single : List.of(summary, descriptionContentType, license, licenseExpression,
                requiresPython, homePage)) {
            if (single.isPresent()) {
                requireSingleLine(single.get());
            }
        }
        for (List<String> many : List.of(keywords, authors, authorEmails, maintainers, maintainerEmails,
                licenseFiles, classifiers, requiresDist, providesExtra)) {
            for (String value : many) {
                requireSingleLine(value);
            }
        }
        for (ProjectUrl url : projectUrls) {
            requireSingleLine(url.label() + ", " + url.url());
        }
    }

    public static Builder builder(DistributionName name, String version) {
        return new Builder(name, version);
    }

    /** Only the required fields. */
    public static CoreMetadata of(DistributionName name, String version) {
        return builder(name, version).build();
    }

    /**
     * The file text: one {@code Field: value} line per value, in the order maturin writes them (the many-valued
     * fields first), so that the METADATA of a project built by either tool is the same file; then a blank line and
     * the description, followed by a line break as maturin writes it.
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        header(out, "Metadata-Version", "2.4");
        header(out, "Name", name.value());
        header(out, "Version", version);
        headers(out, "Classifier", classifiers);
        headers(out, "Requires-Dist", requiresDist);
        headers(out, "Provides-Extra", providesExtra);
        headers(out, "License-File", licenseFiles);
        header(out, "Summary", summary);
        if (!keywords.isEmpty()) {
            header(out, "Keywords", String.join(",", keywords));
        }
        header(out, "Home-Page", homePage);
        joined(out, "Author", authors);
        joined(out, "Author-email", authorEmails);
        joined(out, "Maintainer", maintainers);
        joined(out, "Maintainer-email", maintainerEmails);
        header(out, "License-Expression", licenseExpression);
        header(out, "License", license);
        header(out, "Requires-Python", requiresPython);
        header(out, "Description-Content-Type", descriptionContentType);
        for (ProjectUrl url : projectUrls) {
            header(out, "Project-URL", url.label() + ", " + url.url());
        }
        if (description.isPresent()) {
            out.append('\n').append(description.get()).append('\n');
        }
        return out.toString();
    }

    private static void joined(StringBuilder out, String field, List<String> values) {
        if (!values.isEmpty()) {
            header(out, field, String.join(", ", values));
        }
    }

    private static void headers(StringBuilder out, String field, List<String> values) {
        for (String value : values) {
            header(out, field, value);
        }
    }

    private static void header(StringBuilder out, String field, Optional<String> value) {
        if (value.isPresent()) {
            header(out, field, value.get());
        }
    }

    private static void header(StringBuilder out, String field, String value) {
        out.append(field).append(": ").append(value).append('\n');
    }

    /** A line break would end the header early and turn the rest of the value into a bogus field. */
    private static void requireSingleLine(String value) {
        if (value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException("metadata values must be single lines: '" + value + "'");
        }
    }

    /** Collects optional fields; {@link #build} checks them all at once. */
    public static final class Builder {
        private final DistributionName name;
        private final String version;
        private String summary;
        private String description;
        private String descriptionContentType;
        private final List<String> keywords = new ArrayList<>();
        private final List<String> authors = new ArrayList<>();
        private final List<String> authorEmails = new ArrayList<>();
        private final List<String> maintainers = new ArrayList<>();
        private final List<String> maintainerEmails = new ArrayList<>();
        private String license;
        private String licenseExpression;
        private final List<String> licenseFiles = new ArrayList<>();
        private final List<String> classifiers = new ArrayList<>();
        private final List<String> requiresDist = new ArrayList<>();
        private String requiresPython;
        private final List<ProjectUrl> projectUrls = new ArrayList<>();
        private final List<String> providesExtra = new ArrayList<>();
        private String homePage;

        private Builder(DistributionName name, String version) {
            this.name = name;
            this.version = version;
        }

        public Builder summary(String value) {
            summary = value;
            return this;
        }

        public Builder description(String body, String contentType) {
            description = body;
            descriptionContentType = contentType;
            return this;
        }

        public Builder keywords(List<String> values) {
            keywords.addAll(values);
            return this;
        }

        public Builder author(String value) {
            authors.add(value);
            return this;
        }

        public Builder authorEmail(String value) {
            authorEmails.add(value);
            return this;
        }

        public Builder maintainer(String value) {
            maintainers.add(value);
            return this;
        }

        public Builder maintainerEmail(String value) {
            maintainerEmails.add(value);
            return this;
        }

        /** Free-text license ({@code License:}), for a license that is not an SPDX expression. */
        public Builder license(String value) {
            license = value;
            return this;
        }

        public Builder licenseExpression(String value) {
            licenseExpression = value;
            return this;
        }

        public Builder licenseFile(String value) {
            licenseFiles.add(value);
            return this;
        }

        public Builder classifiers(List<String> values) {
            classifiers.addAll(values);
            return this;
        }

        public Builder requiresDist(String value) {
            requiresDist.add(value);
            return this;
        }

        public Builder requiresPython(String value) {
            requiresPython = value;
            return this;
        }

        public Builder projectUrl(String label, String url) {
            projectUrls.add(new ProjectUrl(label, url));
            return this;
        }

        public Builder providesExtra(String value) {
            providesExtra.add(value);
            return this;
        }

        public Builder homePage(String value) {
            homePage = value;
            return this;
        }

        public CoreMetadata build() {
            return new CoreMetadata(name, version, Optional.ofNullable(summary), Optional.ofNullable(description),
                    Optional.ofNullable(descriptionContentType), keywords, authors, authorEmails, maintainers,
                    maintainerEmails, Optional.ofNullable(license), Optional.ofNullable(licenseExpression),
                    licenseFiles, classifiers, requiresDist, Optional.ofNullable(requiresPython), projectUrls,
                    providesExtra, Optional.ofNullable(homePage));
        }
    }
}
