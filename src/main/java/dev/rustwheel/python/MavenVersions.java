package dev.rustwheel.python;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts a Maven project version to the PEP 440 version of a wheel, so that the POM's version can be the wheel's:
 * {@code 1.2.0-SNAPSHOT} becomes {@code 1.2.0.dev0}, {@code 1.2.0-rc.1} {@code 1.2.0rc1}, {@code 1.2.0-beta-2}
 * {@code 1.2.0b2}, {@code 1.2.0-rc1-SNAPSHOT} {@code 1.2.0rc1.dev0}, a build number {@code 1.2.0-3} the
 * post-release {@code 1.2.0.post3} (Maven, like PEP 440, sorts it after {@code 1.2.0}), and the release qualifiers
 * {@code .Final}, {@code -GA}, {@code .RELEASE} nothing.
 */
public final class MavenVersions {

    private static final Pattern SNAPSHOT = Pattern.compile("(?i)(.*?)[-.]?snapshot");
    private static final Pattern RELEASE_QUALIFIER = Pattern.compile("(?i)(.*?)[-.](?:final|ga|release)");
    /** JBoss's candidate release, which PEP 440 spells rc. */
    private static final Pattern CANDIDATE_RELEASE = Pattern.compile("(?i)([-.])cr(?=[-.]?[0-9]|$)");

    private MavenVersions() {
    }

    /**
     * @throws InvalidVersionException naming the version and what PEP 440 cannot say when it has no equivalent; the
     *                                 caller adds where the version came from and how to change it
     */
    public static String toPep440(String mavenVersion) throws InvalidVersionException {
        String version = mavenVersion.strip();
        boolean snapshot = false;
        Matcher matcher = SNAPSHOT.matcher(version);
        if (matcher.matches()) {
            snapshot = true;
            version = matcher.group(1);
        }
        matcher = RELEASE_QUALIFIER.matcher(version);
        if (matcher.matches()) {
            version = matcher.group(1);
        }
        version = CANDIDATE_RELEASE.matcher(version).replaceFirst("$1rc");
        String converted;
        try {
            converted = Pep440.normalize(version);
        } catch (InvalidVersionException e) {
            throw new InvalidVersionException(mavenVersion, "Maven version '" + mavenVersion + "' has no PEP 440"
                    + " equivalent: after the numbers, only -alpha/-a, -beta/-b, -rc/-cr/-pre with an optional number,"
                    + " a build number (-3), -post/-dev, .Final/-GA/.RELEASE and -SNAPSHOT can be converted (not '"
                    + qualifier(version) + "')");
        }
        if (!snapshot) {
            return converted;
        }
        if (converted.contains(".dev")) {
            throw new InvalidVersionException(mavenVersion, "Maven version '" + mavenVersion + "' is both a dev"
                    + " release and a SNAPSHOT, which PEP 440 cannot say twice; drop one of them");
        }
        int local = converted.indexOf('+');
        return local < 0 ? converted + ".dev0" : converted.substring(0, local) + ".dev0" + converted.substring(local);
    }

    private static String qualifier(String version) {
        return version.replaceFirst("^[0-9.]*[-.]?", "").toLowerCase(Locale.ROOT);
    }
}
