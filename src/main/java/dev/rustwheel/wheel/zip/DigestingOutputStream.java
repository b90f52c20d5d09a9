package dev.rustwheel.wheel.zip;

import dev.rustwheel.wheel.RecordRow;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Passes bytes on to the archive while taking their SHA-256 and counting them, so that an entry's RECORD row
 * comes out of the same single pass that compresses it. Closing it leaves the archive open.
 */
final class DigestingOutputStream extends OutputStream {

    private final OutputStream out;
    private final MessageDigest sha256;
    private long count;

    DigestingOutputStream(OutputStream out) {
        this.out = out;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        sha256.update(bytes, offset, length);
        count += length;
    }

    @Override
    public void close() {
        // the archive stays open for the next entry
    }

    /** The row for what was written so far; call once, after the last byte, since it resets the digest. */
    RecordRow recordRow(String path) {
        return new RecordRow(path, Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest()), count);
    }
}
