package dev.rustwheel.wheel.zip;

import dev.rustwheel.wheel.RecordRow;
import dev.rustwheel.wheel.entry.EntryContent;

/**
 * One entry of a written wheel: what its bytes were made of ({@link EntryContent#fingerprint()}) and its RECORD
 * row, so that the next build can tell whether it changed and, if not, reuse it without reading its source.
 *
 * @param sha256 the entry's digest as RECORD spells it (URL-safe base64, no padding)
 */
public record PackedEntry(String path, String fingerprint, String sha256, long size) {

    RecordRow row() {
        return new RecordRow(path, sha256, size);
    }
}
