package dev.rustwheel.wheel.zip;

import java.util.ArrayDeque;

/**
 * Pieces no entry uses any more, handed out again so that writing a wheel allocates a piece's buffers (over 1 MiB
 * each, so in a small heap each is a "humongous" object that the collector handles at some cost) only as many
 * times as pieces are ever in use at once, not once per piece. Not thread-safe: the thread writing the wheel takes
 * and returns pieces.
 */
final class PiecePool {

    private final int pieceSize;
    private final int kept;
    private final ArrayDeque<Piece> free = new ArrayDeque<>();
    private int created;

    /**
     * @param pieceSize the uncompressed size of every piece but an entry's last; at least deflate's 32 KiB window,
     *                  so that one previous piece is a full dictionary
     * @param kept      how many free pieces are kept at most: as many as can be in use at once
     */
    PiecePool(int pieceSize, int kept) {
        if (pieceSize < Piece.DATA) {
            throw new IllegalArgumentException("piece size " + pieceSize + " is below deflate's window");
        }
        this.pieceSize = pieceSize;
        this.kept = kept;
    }

    int pieceSize() {
        return pieceSize;
    }

    Piece take() {
        Piece piece = free.poll();
        if (piece == null) {
            piece = new Piece(pieceSize);
            created++;
        }
        return piece;
    }

    /** How many pieces were allocated: as many as were ever in use at once, whatever the amount of data. */
    int created() {
        return created;
    }

    /** Takes the piece back; only once no thread uses it any more. */
    void give(Piece piece) {
        if (free.size() < kept) {
            free.push(piece);
        }
    }
}
