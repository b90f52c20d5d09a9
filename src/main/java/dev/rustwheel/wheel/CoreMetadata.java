package dev.rustwheel.wheel;

import dev.rustwheel.python.DistributionName;
import dev.rustwheel.python.Pep440;
import java.util.Optional;

/**
 * The {@code METADATA} file of a wheel (core metadata 2.4). Start from {@link #of} and add optional fields with the
 * {@code with…} methods, so that fields added later do not change existing callers.
 *
 * @param version        in PEP 440 normal form
 * @param summary        a single line
 * @param requiresPython a version specifier such as {@code >=3.9}
 */
public record CoreMetadata(
        DistributionName name,
        String version,
        Optional<String> summary,
        Optional<String> requiresPython) {

    public static final String FILE_NAME = "METADATA";

    public CoreMetadata {
        if (!Pep440.isNormalized(version)) {
            throw new IllegalArgumentException("version '" + version + "' is not in PEP 440 normal form");
        }
        requireSingleLine("Summary", summary);
        requireSingleLine("Requires-Python", requiresPython);
    }

    public static CoreMetadata of(DistributionName name, String version) {
        return new CoreMetadata(name, version, Optional.empty(), Optional.empty());
    }

    public CoreMetadata withSummary(String summary) {
        return new CoreMetadata(name, version, Optional.of(summary), requiresPython);
    }

    public CoreMetadata withRequiresPython(String requiresPython) {
        return new CoreMetadata(name, version, summary, Optional.of(requiresPython));
    }

    /** The file text: one {@code Field: value} line per field, in the order the core metadata spec lists them. */
    public String render() {
        StringBuilder out = new StringBuilder();
        header(out, "Metadata-Version", "2.4");
        header(out, "Name", name.value());
        header(out, "Version", version);
        summary.ifPresent(value -> header(out, "Summary", value));
        requiresPython.ifPresent(value -> header(out, "Requires-Python", value));
        return out.toString();
    }

    private static void header(StringBuilder out, String field, String value) {
        out.append(field).append(": ").append(value).append('\n');
    }

    /** A line break would end the header early and turn the rest of the value into a bogus field. */
    private static void requireSingleLine(String field, Optional<String> value) {
        if (value.filter(v -> v.contains("\n") || v.contains("\r")).isPresent()) {
            throw new IllegalArgumentException(field + " must be a single line: '" + value.get() + "'");
        }
    }
}
