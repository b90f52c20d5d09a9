package dev.rustwheel.wheel.entry;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * Bytes generated only once the writer needs them, at most once: a rebuild that reuses the entry from the previous
 * wheel (same fingerprint) never generates them. The fingerprint is the caller's promise that it names everything
 * the bytes are made of.
 */
final class GeneratedContent implements EntryContent {

    private final String fingerprint;
    private final Supplier<byte[]> generator;
    private byte[] bytes;

    GeneratedContent(String fingerprint, Supplier<byte[]> generator) {
        this.fingerprint = fingerprint;
        this.generator = generator;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes());
    }

    @Override
    public long size() {
        return bytes().length;
    }

    @Override
    public String fingerprint() {
        return "generated:" + fingerprint;
    }

    private synchronized byte[] bytes() {
        if (bytes == null) {
            bytes = generator.get().clone();
        }
        return bytes;
    }
}
