package dev.rustwheel.python;

import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 508 dependency specifiers ({@code name[extra]>=1.0; python_version < "3.12"}) and PEP 440 version specifier
 * sets ({@code >=3.9,<4}), checked before they reach metadata, where a bad one would only fail at install time.
 * Values are kept as the user wrote them: installers read any valid spelling.
 */
public final class Pep508 {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern OPERATOR = Pattern.compile("~=|===|==|!=|<=|>=|<|>");
    private static final Pattern SPECIFIER = Pattern.compile("\\s*(~=|===|==|!=|<=|>=|<|>)\\s*([^,\\s;)]+)\\s*");
    private static final Set<String> MARKER_VARIABLES = Set.of("python_version", "python_full_version", "os_name",
            "sys_platform", "platform_release", "platform_system", "platform_version", "platform_machine",
            "platform_python_implementation", "implementation_name", "implementation_version", "extra",
            "extras", "dependency_groups", "os.name", "sys.platform", "platform.version", "platform.machine",
            "platform.python_implementation", "python_implementation");

    private Pep508() {
    }

    /** @throws InvalidRequirementException naming the part of {@code requirement} that is wrong */
    public static void validateRequirement(String requirement) throws InvalidRequirementException {
        Cursor in = new Cursor(requirement);
        in.skipSpace();
        String name = in.take(NAME);
        if (name == null) {
            throw in.error("a requirement starts with a distribution name");
        }
        in.skipSpace();
        if (in.consume("[")) {
            do {
                in.skipSpace();
                if (in.take(NAME) == null) {
                    throw in.error("an extra name");
                }
                in.skipSpace();
            } while (in.consume(","));
            if (!in.consume("]")) {
                throw in.error("']' after the extras");
            }
            in.skipSpace();
        }
        if (in.consume("@")) {
            in.skipSpace();
            String url = in.takeUntilSpaceOrEnd();
            if (!url.contains(":")) {
                throw in.error("a URL after '@'");
            }
            in.skipSpace();
            if (!in.atEnd() && !in.peekIs(";")) {
                throw in.error("';' and a marker after the URL");
            }
        } else if (!in.atEnd() && !in.peekIs(";")) {
            boolean parenthesised = in.consume("(");
            String specifiers = in.takeWhile(c -> c != ';' && c != ')');
            validateSpecifierSet(specifiers, requirement);
            if (parenthesised && !in.consume(")")) {
                throw in.error("')' after the version specifiers");
            }
            in.skipSpace();
        }
        if (in.consume(";")) {
            new MarkerParser(in).parse();
        }
        if (!in.atEnd()) {
            throw in.error("the end of the requirement");
        }
    }

    /** Checks a marker expression on its own, as in {@code python_version >= "3.9" and os_name == "posix"}. */
    public static void validateMarker(String marker) throws InvalidRequirementException {
        new MarkerParser(new Cursor(marker)).parse();
    }

    /** A comma-separated list of PEP 440 specifiers such as {@code >=3.9,!=3.10.*}. */
    public static void validateSpecifierSet(String specifiers) throws InvalidRequirementException {
        validateSpecifierSet(specifiers, specifiers);
    }

    private static void validateSpecifierSet(String specifiers, String whole) throws InvalidRequirementException {
        for (String one : specifiers.split(",", -1)) {
            Matcher m = SPECIFIER.matcher(one);
            if (!m.matches()) {
                throw new InvalidRequirementException("'" + one.trim() + "' in '" + whole + "' is not a version"
                        + " specifier; write an operator (==, !=, <=, >=, <, >, ~=, ===) and a version, such as >=1.2");
            }
            String op = m.group(1);
            String version = m.group(2);
            boolean wildcard = version.endsWith(".*") && (op.equals("==") || op.equals("!="));
            String checked = wildcard ? version.substring(0, version.length() - 2) : version;
            if (!op.equals("===") && !isPep440(checked)) {
                throw new InvalidRequirementException("'" + version + "' in '" + whole + "' is not a PEP 440"
                        + " version" + (version.endsWith(".*") ? " ('.*' only follows == and !=)" : ""));
            }
        }
    }

    /** PEP 685: the normal form of an extra name, as {@code Provides-Extra} and {@code extra ==} markers use it. */
    public static String normalizeExtra(String extra) throws InvalidRequirementException {
        if (!NAME.matcher(extra).matches()) {
            throw new InvalidRequirementException("'" + extra + "' is not a valid extra name: use ASCII letters,"
                    + " digits, '.', '_' and '-', starting and ending with a letter or digit");
        }
        return DistributionName.normalize(extra);
    }

    /**
     * The requirement as maturin (pep508_rs) spells it in {@code Requires-Dist}: its marker set off by
     * {@code " ; "} ({@code cffi; sys_platform == 'linux'} becomes {@code cffi ; sys_platform == 'linux'}), so both
     * tools' METADATA read the same.
     */
    public static String withMarkerSpacing(String requirement) {
        int semicolon = markerStart(requirement);
        if (semicolon < 0) {
            return requirement.strip();
        }
        return requirement.substring(0, semicolon).strip() + " ; " + requirement.substring(semicolon + 1).strip();
    }

    /**
     * The requirement restricted to an extra, as {@code Requires-Dist} spells optional dependencies:
     * {@code black; sys_platform == "linux"} becomes {@code black; (sys_platform == "linux") and extra == "dev"}.
     */
    public static String withExtra(String requirement, String normalizedExtra) {
        int semicolon = markerStart(requirement);
        // spelled as maturin writes it (pep508_rs), so both tools' METADATA read the same
        String condition = "extra == '" + normalizedExtra + "'";
        if (semicolon < 0) {
            return requirement.strip() + " ; " + condition;
        }
        String marker = requirement.substring(semicolon + 1).strip();
        boolean alternatives = Pattern.compile("\\sor\\s").matcher(marker).find();
        return requirement.substring(0, semicolon).strip() + " ; " + (alternatives ? "(" + marker + ")" : marker)
                + " and " + condition;
    }

    /** The ';' that starts the marker: in a URL requirement it must follow whitespace, since URLs may hold ';'. */
    private static int markerStart(String requirement) {
        int at = requirement.indexOf('@');
        if (at < 0) {
            return requirement.indexOf(';');
        }
        Matcher m = Pattern.compile("\\s;").matcher(requirement);
        return m.find(at) ? m.start() + 1 : -1;
    }

    private static boolean isPep440(String version) {
        try {
            Pep440.normalize(version);
            return !version.isBlank();
        } catch (InvalidVersionException e) {
            return false;
        }
    }

    /** marker_or := marker_and ('or' marker_and)*; marker_and := expr ('and' expr)*; expr := '(' or ')' | var op var */
    private record MarkerParser(Cursor in) {

        void parse() throws InvalidRequirementException {
            or();
            in.skipSpace();
            if (!in.atEnd()) {
                throw in.error("'and', 'or' or the end of the marker");
            }
        }

        private void or() throws InvalidRequirementException {
            and();
            while (in.keyword("or")) {
                and();
            }
        }

        private void and() throws InvalidRequirementException {
            expression();
            while (in.keyword("and")) {
                expression();
            }
        }

        private void expression() throws InvalidRequirementException {
            in.skipSpace();
            if (in.consume("(")) {
                or();
                in.skipSpace();
                if (!in.consume(")")) {
                    throw in.error("')' closing the marker group");
                }
                return;
            }
            value();
            in.skipSpace();
            if (in.take(OPERATOR) == null && !in.keyword("in") && !(in.keyword("not") && in.keyword("in"))) {
                throw in.error("a marker operator (==, !=, <, <=, >, >=, ~=, ===, in, not in)");
            }
            value();
        }

        private void value() throws InvalidRequirementException {
            in.skipSpace();
            if (in.peekIs("'") || in.peekIs("\"")) {
                in.quoted();
                return;
            }
            String variable = in.take(Pattern.compile("[a-z_.]+"));
            if (variable == null || !MARKER_VARIABLES.contains(variable)) {
                throw in.error("a marker variable (python_version, sys_platform, extra, …) or a quoted string");
            }
        }
    }

    /** A position in the text being parsed, with errors that show where parsing stopped. */
    private static final class Cursor {
        private final String text;
        private int pos;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        boolean peekIs(String s) {
            return text.startsWith(s, pos);
        }

        boolean consume(String s) {
            if (peekIs(s)) {
                pos += s.length();
                return true;
            }
            return false;
        }

        void skipSpace() {
            while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        String take(Pattern pattern) {
            Matcher m = pattern.matcher(text).region(pos, text.length());
            if (m.lookingAt()) {
                pos = m.end();
                return m.group();
            }
            return null;
        }

        String takeWhile(IntPredicate accept) {
            int start = pos;
            while (!atEnd() && accept.test(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        String takeUntilSpaceOrEnd() {
            return takeWhile(c -> !Character.isWhitespace(c));
        }

        /** A whole word: {@code in} must not match the start of {@code input}. */
        boolean keyword(String word) {
            skipSpace();
            Matcher m = Pattern.compile(word + "(?![A-Za-z0-9_.])").matcher(text).region(pos, text.length());
            if (m.lookingAt()) {
                pos = m.end();
                return true;
            }
            return false;
        }

        void quoted() throws InvalidRequirementException {
            char quote = text.charAt(pos);
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("a closing " + quote);
            }
            pos = end + 1;
        }

        InvalidRequirementException error(String expected) {
            String rest = atEnd() ? "the end" : "'" + text.substring(pos) + "'";
            return new InvalidRequirementException("'" + text.strip() + "' is not valid PEP 508: expected "
                    + expected + " at " + rest + " (column " + (pos + 1) + ")");
        }
    }
}
