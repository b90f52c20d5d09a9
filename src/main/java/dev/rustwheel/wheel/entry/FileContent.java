package dev.rustwheel.wheel.entry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file on disk, streamed through a bounded buffer so that its size never matters to the heap. */
record FileContent(Path file) implements EntryContent {

    /** A deflate block's worth per read: a large file costs a thousand reads per GiB, not a hundred thousand. */
    private static final int BUFFER = 1 << 20;

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[(int) Math.min(BUFFER, Math.max(1, Files.size(file)))];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        }
    }

    @Override
    public long size() throws IOException {
        return Files.size(file);
    }

    @Override
    public String fingerprint() throws IOException {
        return ContentFingerprint.ofFile(file);
    }
}
