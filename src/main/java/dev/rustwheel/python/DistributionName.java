package dev.rustwheel.python;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Python distribution (project) name that PEP 508 allows. It keeps the spelling the user chose, because that is
 * what the {@code Name:} metadata field shows, and offers the two derived forms tools compare and file names use.
 * Two names are equal when their PEP 503 normal forms are, as they are for every index and installer.
 */
public final class DistributionName {

    private static final Pattern PEP_508_NAME =
            Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern SEPARATOR_RUN = Pattern.compile("[-_.]+");

    private final String name;

    private DistributionName(String name) {
        this.name = name;
    }

    /** @throws InvalidDistributionNameException when {@code name} is not a PEP 508 name */
    public static DistributionName of(String name) throws InvalidDistributionNameException {
        if (!isValid(name)) {
            throw new InvalidDistributionNameException(name, "'" + name + "' is not a valid Python distribution name:"
                    + " it must consist of ASCII letters, digits, '.', '_' and '-', and start and end with a letter"
                    + " or digit; set 'name' in the [project] table of pyproject.toml to such a name");
        }
        return new DistributionName(name);
    }

    /** Whether {@code name} is a distribution name as PEP 508 defines it. */
    public static boolean isValid(String name) {
        return PEP_508_NAME.matcher(name).matches();
    }

    /** PEP 503 normal form: lower case, every run of {@code -}, {@code _} and {@code .} replaced by one {@code -}. */
    public static String normalize(String name) {
        return SEPARATOR_RUN.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /** The name as the user spelled it, for the {@code Name:} metadata field. */
    public String value() {
        return name;
    }

    /** The PEP 503 normal form, see {@link #normalize(String)}. */
    public String normalized() {
        return normalize(name);
    }

    /**
     * The form wheel file names and {@code .dist-info} directories use: the normal form with {@code -} replaced by
     * {@code _}, because {@code -} separates the components of a wheel file name.
     */
    public String wheelEscaped() {
        return normalized().replace('-', '_');
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DistributionName that && normalized().equals(that.normalized());
    }

    @Override
    public int hashCode() {
        return normalized().hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
