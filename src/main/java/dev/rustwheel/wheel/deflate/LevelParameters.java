package dev.rustwheel.wheel.deflate;

/**
 * How hard each level 1–9 looks for matches.
 *
 * @param searchDepth how many earlier positions with the same hash are tried at most
 * @param niceLength  a match this long is taken without looking further
 * @param lazyLength  lazy parsing (trying the next position for a longer match) stops once a match is this long;
 *                    0 parses greedily
 */
record LevelParameters(int searchDepth, int niceLength, int lazyLength) {

    private static final LevelParameters[] LEVELS = {
        null,
        new LevelParameters(2, 8, 0),
        new LevelParameters(4, 16, 0),
        new LevelParameters(6, 24, 0),
        new LevelParameters(6, 24, 16),
        new LevelParameters(12, 32, 32),
        new LevelParameters(24, 64, 64),
        new LevelParameters(48, 128, 128),
        new LevelParameters(128, 258, 258),
        new LevelParameters(512, 258, 258),
    };

    static LevelParameters of(int level) {
        if (level < 1 || level > 9) {
            throw new IllegalArgumentException("deflate level " + level + " is not between 1 and 9");
        }
        String x = System.getProperty("x.level" + level);
        if (x != null) {
            String[] f = x.split(",");
            return new LevelParameters(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]));
        }
        return LEVELS[level];
    }
}
