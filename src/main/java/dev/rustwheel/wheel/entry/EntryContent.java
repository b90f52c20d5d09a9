package dev.rustwheel.wheel.entry;

import dev.rustwheel.overlay.Overlay;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The bytes of one wheel entry, produced on demand. The writer asks each content exactly once and digests,
 * counts and compresses what it writes in that one pass, so a content never needs to fit in memory and may
 * compute its bytes while writing them (a file with patched byte ranges, for instance).
 */
public interface EntryContent {

    /** Writes all of the content to {@code out}, without closing it. */
    void writeTo(OutputStream out) throws IOException;

    /**
     * What the bytes are made of, cheap to compute (no file is read): equal fingerprints mean equal bytes, so a
     * rebuild can reuse the entry as the previous wheel holds it.
     */
    String fingerprint() throws IOException;

    /**
     * How many bytes {@link #writeTo} is expected to write, known before writing them (from the file system, not
     * by reading the file): the archive's headers are laid out from it.
     */
    long size() throws IOException;

    /** The current content of {@code file}, read when the wheel is written. */
    static EntryContent ofFile(Path file) {
        return new FileContent(file);
    }

    /** The bytes of {@code file} with {@code overlay} applied while they are written; the file stays clean. */
    static EntryContent ofFile(Path file, Overlay overlay) {
        return new OverlaidFileContent(file, overlay, cleanSha256 -> { });
    }

    /**
     * As {@link #ofFile(Path, Overlay)}, telling {@code cleanSha256} the hex digest of the file's clean bytes,
     * taken in the same read, whenever the content is written (never when the writer reuses the entry as the
     * previous wheel holds it).
     */
    static EntryContent ofFile(Path file, Overlay overlay, Consumer<String> cleanSha256) {
        return new OverlaidFileContent(file, overlay, cleanSha256);
    }

    /** Bytes generated in memory, such as the metadata files; {@code bytes} is copied. */
    static EntryContent ofBytes(byte[] bytes) {
        return new BytesContent(bytes);
    }

    /**
     * Bytes that are costly to generate, generated only if the writer cannot reuse the entry as the previous wheel
     * holds it. {@code fingerprint} must name everything the bytes depend on (a digest of the generator's inputs and
     * of the generator itself): equal fingerprints must mean equal bytes.
     */
    static EntryContent generated(String fingerprint, Supplier<byte[]> generator) {
        return new GeneratedContent(fingerprint, generator);
    }
}
