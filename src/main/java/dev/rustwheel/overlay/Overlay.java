package dev.rustwheel.overlay;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Edits to one file, recorded instead of made: byte ranges of the clean file to overwrite, and bytes to append
 * after its end. The clean file is never touched; {@link OverlayApplier} produces the edited bytes while
 * streaming. A record of plain values, which the manifest persists as they are (byte arrays as base64).
 *
 * @param baseSize   size of the clean file the overlay was planned for; applying it to a file of another size
 *                   fails, because the offsets would land on the wrong bytes
 * @param overwrites ranges inside the clean file, sorted by offset, not overlapping
 * @param appended   bytes that follow the clean file's last byte (alignment padding included)
 */
public record Overlay(long baseSize, List<Overwrite> overwrites, byte[] appended) {

    public Overlay {
        if (baseSize < 0) {
            throw new IllegalArgumentException("overlay base size is negative: " + baseSize);
        }
        overwrites = List.copyOf(overwrites);
        appended = appended.clone();
        long end = 0;
        for (Overwrite overwrite : overwrites) {
            if (overwrite.offset() < end) {
                throw new IllegalArgumentException("overlay overwrites are unsorted or overlap at offset "
                        + overwrite.offset());
            }
            end = overwrite.offset() + overwrite.bytes().length;
            if (end > baseSize) {
                throw new IllegalArgumentException("overlay overwrite at offset " + overwrite.offset()
                        + " ends past the clean file's " + baseSize + " bytes; growth belongs in the appended bytes");
            }
        }
    }

    /** One range of the clean file replaced by as many new bytes. */
    public record Overwrite(long offset, byte[] bytes) {

        public Overwrite {
            if (offset < 0) {
                throw new IllegalArgumentException("overlay overwrite offset is negative: " + offset);
            }
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Overwrite o && offset == o.offset && Arrays.equals(bytes, o.bytes);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(offset) * 31 + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Overwrite[offset=" + offset + ", " + bytes.length + " bytes]";
        }
    }

    /** The overlay that leaves a file of {@code size} bytes as it is. */
    public static Overlay identity(long size) {
        return new Overlay(size, List.of(), new byte[0]);
    }

    /**
     * Builds an overlay from overwrites in any order; adjacent ones are merged, so the result lists each
     * contiguous edited run once.
     */
    public static Overlay of(long baseSize, List<Overwrite> overwrites, byte[] appended) {
        List<Overwrite> sorted = new ArrayList<>(overwrites);
        sorted.sort(Comparator.comparingLong(Overwrite::offset));
        List<Overwrite> merged = new ArrayList<>();
        for (Overwrite next : sorted) {
            Overwrite last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.offset() + last.bytes.length == next.offset()) {
                byte[] joined = Arrays.copyOf(last.bytes, last.bytes.length + next.bytes.length);
                System.arraycopy(next.bytes, 0, joined, last.bytes.length, next.bytes.length);
                merged.set(merged.size() - 1, new Overwrite(last.offset(), joined));
            } else {
                merged.add(next);
            }
        }
        return new Overlay(baseSize, merged, appended);
    }

    @Override
    public byte[] appended() {
        return appended.clone();
    }

    /** Size of the edited file. */
    public long patchedSize() {
        return baseSize + appended.length;
    }

    /** Whether applying the overlay yields the clean bytes unchanged. */
    public boolean changesNothing() {
        return overwrites.isEmpty() && appended.length == 0;
    }

    /** Streams {@code clean} with the overlay applied into {@code out}, without closing it. */
    public void writeTo(Path clean, OutputStream out) throws IOException {
        OverlayApplier.stream(this, clean, out, null);
    }

    /**
     * As {@link #writeTo(Path, OutputStream)}, and feeds {@code cleanDigest} every byte of the clean file in order,
     * so the clean file's digest comes from the same pass (the few bytes under the overwrites are read for it too).
     */
    public void writeTo(Path clean, OutputStream out, MessageDigest cleanDigest) throws IOException {
        OverlayApplier.stream(this, clean, out, Objects.requireNonNull(cleanDigest, "cleanDigest"));
    }

    /**
     * Writes the edited file as a new file {@code target}, which must not exist yet: a patched file is never
     * written over an existing one, so it cannot land on bytes that share an inode with a clean file.
     */
    public void writePatchedCopy(Path clean, Path target) throws IOException {
        OverlayApplier.copy(this, clean, target);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Overlay o && baseSize == o.baseSize && overwrites.equals(o.overwrites)
                && Arrays.equals(appended, o.appended);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseSize, overwrites) * 31 + Arrays.hashCode(appended);
    }

    @Override
    public String toString() {
        return "Overlay[baseSize=" + baseSize + ", overwrites=" + overwrites + ", appended=" + appended.length
                + " bytes]";
    }
}
