package dev.rustwheel.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code auditwheelExclude} patterns: libraries the target systems are trusted to provide, so they are never
 * grafted (nor their own dependencies), yet their symbol versions still count toward the tag. A pattern is an
 * fnmatch glob, as auditwheel's {@code --exclude}: {@code *} and {@code ?} also match {@code /}, and it is tried
 * on the soname and on the path the library resolves to.
 */
public final class LibraryExclusion {

    public static final LibraryExclusion NONE = new LibraryExclusion(List.of());

    private final List<String> patterns;
    private final List<Pattern> compiled;

    public LibraryExclusion(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        List<Pattern> compiled = new ArrayList<>();
        for (String pattern : this.patterns) {
            compiled.add(fnmatch(pattern));
        }
        this.compiled = List.copyOf(compiled);
    }

    public List<String> patterns() {
        return patterns;
    }

    public boolean excludes(String soname, Optional<Path> resolved) {
        return compiled.stream().anyMatch(p -> p.matcher(soname).matches()
                || resolved.map(r -> p.matcher(r.toString()).matches()).orElse(false));
    }

    private static Pattern fnmatch(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (close > 0) {
                String set = glob.substring(i + 1, close);
                regex.append('[').append(set.startsWith("!") ? "^" + quoteSet(set.substring(1)) : quoteSet(set))
                        .append(']');
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** Inside a set only ranges mean something to fnmatch; everything else regex would read is escaped. */
    private static String quoteSet(String set) {
        return set.replace("\\", "\\\\").replace("[", "\\[").replace("^", "\\^").replace("&", "\\&");
    }
}
