package dev.rustwheel.wheel.entry;

import java.io.IOException;
import java.io.OutputStream;

/** Bytes held in memory; copied on the way in so that the caller cannot change an entry after handing it over. */
final class BytesContent implements EntryContent {

    private final byte[] bytes;

    BytesContent(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public String fingerprint() {
        return ContentFingerprint.ofBytes(bytes);
    }
}
