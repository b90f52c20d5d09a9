package dev.rustwheel.wheel;

import dev.rustwheel.overlay.Overlay;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** A clean file with an overlay applied on the way into the wheel; the file itself is only read. */
record OverlaidFileContent(Path file, Overlay overlay) implements EntryContent {

    @Override
    public void writeTo(OutputStream out) throws IOException {
        overlay.writeTo(file, out);
    }

    @Override
    public String fingerprint() throws IOException {
        return ContentFingerprint.ofOverlaidFile(file, overlay);
    }
}
