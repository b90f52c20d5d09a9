package dev.rustwheel.wheel.deflate;

/**
 * How hard each level 1–9 looks for matches.
 *
 * @param searchDepth how many earlier positions with the same hash are tried at most
 * @param niceLength  a match this long is taken without looking further
 * @param lazyLength  lazy parsing (trying the next position for a longer match) stops once a match is this long;
 *                    0 parses greedily
 * @param goodLength  the next position is searched a quarter as deep once a match is this long
 * @param insertLength of a longer match only the last positions are entered in the hash chains, as later matches
 *                     seldom start inside a long one: it saves hashing most of the bytes such a match covers
 */
record LevelParameters(int searchDepth, int niceLength, int lazyLength, int goodLength, int insertLength) {

    /**
     * Tuned on machine code with bench/deflate-speed.sh: each level costs more CPU time for a smaller output. Level 5
     * hashes only the end of matches over 12 bytes: 4% less CPU for 0.4% more bytes than hashing up to 24; deeper or
     * shallower searches and other lazy lengths moved its CPU time by under 2% (64 MiB, 5 rounds interleaved piece
     * by piece).
     */
    private static final LevelParameters[] LEVELS = {
        null,
        new LevelParameters(2, 8, 0, 8, 8),
        new LevelParameters(4, 16, 0, 8, 16),
        new LevelParameters(8, 24, 0, 8, 24),
        new LevelParameters(4, 24, 24, 4, 24),
        new LevelParameters(6, 24, 24, 8, 12),
        new LevelParameters(12, 32, 32, 8, 32),
        new LevelParameters(32, 64, 64, 16, 64),
        new LevelParameters(96, 128, 128, 32, 128),
        new LevelParameters(256, 258, 258, 32, 258),
    };

    /** Parses {@code depth,nice,lazy,good,insert}, as the benchmark takes them to try parameters out. */
    static LevelParameters parse(String text) {
        String[] fields = text.split(",");
        return new LevelParameters(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]),
                Integer.parseInt(fields[2]), Integer.parseInt(fields[3]), Integer.parseInt(fields[4]));
    }

    static LevelParameters of(int level) {
        if (level < 1 || level > 9) {
            throw new IllegalArgumentException("deflate level " + level + " is not between 1 and 9");
        }
        return LEVELS[level];
    }
}
