package dev.rustwheel.wheel.entry;

import dev.rustwheel.overlay.Overlay;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * A clean file with an overlay applied on the way into the wheel; the file itself is only read. The clean bytes'
 * digest is taken in the same pass and handed to {@code cleanSha256} (hex) once all of them went through.
 */
record OverlaidFileContent(Path file, Overlay overlay, Consumer<String> cleanSha256) implements EntryContent {

    @Override
    public void writeTo(OutputStream out) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        overlay.writeTo(file, out, digest);
        cleanSha256.accept(HexFormat.of().formatHex(digest.digest()));
    }

    @Override
    public long size() {
        return overlay.patchedSize();
    }

    @Override
    public String fingerprint() throws IOException {
        return ContentFingerprint.ofOverlaidFile(file, overlay);
    }
}
