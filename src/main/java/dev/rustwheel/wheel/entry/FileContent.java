package dev.rustwheel.wheel.entry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file on disk, streamed through a fixed-size buffer so that its size never matters to the heap. */
record FileContent(Path file) implements EntryContent {

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(out);
        }
    }

    @Override
    public String fingerprint() throws IOException {
        return ContentFingerprint.ofFile(file);
    }
}
