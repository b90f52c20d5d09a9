package dev.rustwheel.audit.linux;

import java.util.Comparator;

/** Orders symbol versions by prefix, then numerically: GLIBC_2.9 before GLIBC_2.14, GLIBCXX_3.4 before GLIBCXX_3.4.21. */
final class SymbolVersionOrder implements Comparator<String> {

    static final SymbolVersionOrder INSTANCE = new SymbolVersionOrder();

    @Override
    public int compare(String a, String b) {
        int prefixes = prefix(a).compareTo(prefix(b));
        if (prefixes != 0) {
            return prefixes;
        }
        String[] x = numbers(a);
        String[] y = numbers(b);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = compareComponent(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static String prefix(String version) {
        int underscore = version.indexOf('_');
        return underscore < 0 ? version : version.substring(0, underscore);
    }

    private static String[] numbers(String version) {
        return version.substring(version.indexOf('_') + 1).split("\\.");
    }

    private static int compareComponent(String a, String b) {
        if (a.matches("\\d{1,9}") && b.matches("\\d{1,9}")) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return a.compareTo(b);
    }
}
