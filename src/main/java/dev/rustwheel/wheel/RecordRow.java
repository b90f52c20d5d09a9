package dev.rustwheel.wheel;

/**
 * One line of {@code RECORD}: an entry, the SHA-256 of its bytes and its size, as installers check them.
 *
 * @param sha256 the digest in URL-safe base64 without padding, as the binary distribution format requires
 */
public record RecordRow(String path, String sha256, long size) {

    /** The {@code hash} column: {@code sha256=<digest>}. */
    public String hash() {
        return "sha256=" + sha256;
    }
}
