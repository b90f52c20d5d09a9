package dev.rustwheel.wheel.deflate;

/** The fixed tables of RFC 1951: length and distance symbols with their extra bits, and the static Huffman code. */
final class DeflateTables {

    static final int END_OF_BLOCK = 256;
    static final int LITERAL_LENGTH_SYMBOLS = 286;
    static final int DISTANCE_SYMBOLS = 30;
    static final int CODE_LENGTH_SYMBOLS = 19;

    /** The order in which a dynamic block's header lists the lengths of the code-length code. */
    static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67,
        83, 99, 115, 131, 163, 195, 227, 258};
    static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5,
        5, 5, 0};
    static final int[] DISTANCE_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513,
        769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static final int[] DISTANCE_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
        11, 11, 12, 12, 13, 13};

    /** The length symbol's index (0–28, to add to 257) of each match length 0–258 (only 3–258 are used). */
    static final byte[] LENGTH_SLOT = new byte[259];
    /** The distance symbol of distances 1–256 at [distance − 1], and of larger ones at [256 + (distance − 1) / 128]. */
    static final byte[] DISTANCE_SLOT = new byte[512];

    static final int[] STATIC_LITERAL_LENGTHS = new int[288];
    static final int[] STATIC_DISTANCE_LENGTHS = new int[32];

    static {
        for (int slot = 0; slot < LENGTH_BASE.length; slot++) {
            int end = slot + 1 < LENGTH_BASE.length ? LENGTH_BASE[slot] + (1 << LENGTH_EXTRA[slot]) : 259;
            for (int length = LENGTH_BASE[slot]; length < end && length < 259; length++) {
                LENGTH_SLOT[length] = (byte) slot;
            }
        }
        LENGTH_SLOT[258] = 28; // 258 has a symbol of its own although 227 + 31 would reach it too
        for (int slot = 0; slot < DISTANCE_BASE.length; slot++) {
            int first = DISTANCE_BASE[slot];
            int last = first + (1 << DISTANCE_EXTRA[slot]) - 1;
            for (int distance = first; distance <= last; distance++) {
                if (distance <= 256) {
                    DISTANCE_SLOT[distance - 1] = (byte) slot;
                } else {
                    DISTANCE_SLOT[256 + ((distance - 1) >> 7)] = (byte) slot;
                }
            }
        }
        for (int symbol = 0; symbol < 288; symbol++) {
            STATIC_LITERAL_LENGTHS[symbol] = symbol < 144 ? 8 : symbol < 256 ? 9 : symbol < 280 ? 7 : 8;
        }
        java.util.Arrays.fill(STATIC_DISTANCE_LENGTHS, 5);
    }

    private DeflateTables() {
    }

    static int distanceSlot(int distance) {
        return distance <= 256 ? DISTANCE_SLOT[distance - 1] : DISTANCE_SLOT[256 + ((distance - 1) >> 7)];
    }
}
