package dev.rustwheel.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 440 versions: the strict scheme that may appear in wheel metadata, the normalisation of the alternative
 * spellings PEP 440 tolerates, and the conversion of the SemVer versions Cargo requires.
 *
 * <p>Cargo versions are converted by reading them as lenient PEP 440 spellings ({@code 1.0.0-alpha.1} is a
 * tolerated spelling of {@code 1.0.0a1}) and normalising, which is what maturin does, so that a project moving
 * from maturin keeps the same version on PyPI.
 */
public final class Pep440 {

    /** Every spelling PEP 440 accepts (its "Appendix B" grammar), matched case-insensitively. */
    private static final Pattern LENIENT = Pattern.compile(
            "\\s*v?"
                    + "(?:(?<epoch>[0-9]+)!)?"
                    + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?:[-_.]?(?<preLabel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preNumber>[0-9]+)?)?"
                    + "(?:-(?<implicitPostNumber>[0-9]+)"
                    + "|[-_.]?(?<postLabel>post|rev|r)[-_.]?(?<postNumber>[0-9]+)?)?"
                    + "(?:[-_.]?(?<devLabel>dev)[-_.]?(?<devNumber>[0-9]+)?)?"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?"
                    + "\\s*",
            Pattern.CASE_INSENSITIVE);

    /** The scheme public versions must follow, plus a local label; this is what metadata may carry. */
    private static final Pattern STRICT = Pattern.compile(
            "(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*(?:(?:a|b|rc)[0-9]+)?(?:\\.post[0-9]+)?(?:\\.dev[0-9]+)?"
                    + "(?:\\+[a-zA-Z0-9]+(?:\\.[a-zA-Z0-9]+)*)?");

    /** SemVer 2.0 as Cargo accepts it: three numbers, optional pre-release and build identifiers. */
    private static final Pattern SEMVER = Pattern.compile(
            "(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)"
                    + "(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?"
                    + "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

    private static final String OVERRIDE_HINT =
            "; set 'version' in the [project] table of pyproject.toml to a PEP 440 version (for example 1.2.3a1)"
                    + " to publish the wheel under that version instead";

    private Pep440() {
    }

    /**
     * Converts a Cargo package version to the PEP 440 version of the wheel: {@code 1.2.3-alpha.1} becomes
     * {@code 1.2.3a1}, {@code -beta}/{@code -b} become {@code b}, {@code -rc}/{@code -c}/{@code -pre}/{@code -preview}
     * become {@code rc}, {@code -dev.N} becomes {@code .devN}, {@code -post.N} becomes {@code .postN}, a missing
     * number counts as 0, and build metadata {@code +abc.5} becomes the local version {@code +abc.5}.
     *
     * @throws InvalidVersionException when the version has no PEP 440 equivalent, for example
     *         {@code 1.0.0-alpha.beta}, or a purely numeric pre-release such as {@code 1.0.0-1} (PEP 440 would
     *         read that as a post-release, which sorts after 1.0.0 where SemVer sorts it before)
     */
    public static String fromSemVer(String semver) throws InvalidVersionException {
        if (!SEMVER.matcher(semver).matches()) {
            throw new InvalidVersionException(semver, "'" + semver + "' is not a SemVer version as Cargo requires"
                    + " (MAJOR.MINOR.PATCH, optionally followed by -pre-release and +build identifiers)");
        }
        Matcher matcher = LENIENT.matcher(semver);
        if (!matcher.matches()) {
            throw new InvalidVersionException(semver, "Cargo version '" + semver
                    + "' cannot be expressed as a PEP 440 version: the pre-release must be one of alpha, a, beta, b,"
                    + " rc, c, pre, preview, post or dev with an optional number (such as -alpha.1 or -rc2), and the"
                    + " build metadata must be letters and digits separated by '.' or '-'" + OVERRIDE_HINT);
        }
        if (matcher.group("implicitPostNumber") != null) {
            throw new InvalidVersionException(semver, "Cargo version '" + semver
                    + "' cannot be expressed as a PEP 440 version: a purely numeric pre-release would become a"
                    + " post-release, which sorts after the release instead of before it" + OVERRIDE_HINT);
        }
        return canonical(matcher);
    }

    /** Whether {@code version} follows the PEP 440 scheme exactly, as wheel metadata must; no alternative spellings. */
    public static boolean isValid(String version) {
        return STRICT.matcher(version).matches();
    }

    /** Whether {@code version} is already in PEP 440 normal form, as wheel file names and metadata need it. */
    public static boolean isNormalized(String version) {
        Matcher matcher = LENIENT.matcher(version);
        return matcher.matches() && canonical(matcher).equals(version);
    }

    /**
     * Brings any spelling PEP 440 accepts into its normal form: {@code V1.0-Alpha_2.Post.DEV} becomes
     * {@code 1.0a2.post0.dev0}.
     *
     * @throws InvalidVersionException when {@code version} is not PEP 440 in any spelling
     */
    public static String normalize(String version) throws InvalidVersionException {
        Matcher matcher = LENIENT.matcher(version);
        if (!matcher.matches()) {
            throw new InvalidVersionException(version, "'" + version + "' is not a PEP 440 version; use the form"
                    + " [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local], for example 1.2.3, 1.2.3rc1 or 1.2.3.post1");
        }
        return canonical(matcher);
    }

    private static String canonical(Matcher m) {
        StringBuilder out = new StringBuilder();
        String epoch = m.group("epoch");
        if (epoch != null && !integer(epoch).equals("0")) {
            out.append(integer(epoch)).append('!');
        }
        List<String> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            release.add(integer(part));
        }
        out.append(String.join(".", release));
        if (m.group("preLabel") != null) {
            out.append(preReleaseLabel(m.group("preLabel"))).append(integerOrZero(m.group("preNumber")));
        }
        if (m.group("implicitPostNumber") != null) {
            out.append(".post").append(integer(m.group("implicitPostNumber")));
        } else if (m.group("postLabel") != null) {
            out.append(".post").append(integerOrZero(m.group("postNumber")));
        }
        if (m.group("devLabel") != null) {
            out.append(".dev").append(integerOrZero(m.group("devNumber")));
        }
        if (m.group("local") != null) {
            List<String> local = new ArrayList<>();
            for (String part : m.group("local").toLowerCase(Locale.ROOT).split("[-_.]")) {
                local.add(part.chars().allMatch(Character::isDigit) ? integer(part) : part);
            }
            out.append('+').append(String.join(".", local));
        }
        return out.toString();
    }

    private static String preReleaseLabel(String spelling) {
        return switch (spelling.toLowerCase(Locale.ROOT)) {
            case "a", "alpha" -> "a";
            case "b", "beta" -> "b";
            default -> "rc";
        };
    }

    private static String integerOrZero(String digits) {
        return digits == null ? "0" : integer(digits);
    }

    /** PEP 440 reads every number as an integer, so leading zeros go; kept as text because there is no upper bound. */
    private static String integer(String digits) {
        String stripped = digits.replaceFirst("^0+", "");
        return stripped.isEmpty() ? "0" : stripped;
    }
}
