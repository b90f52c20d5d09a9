package dev.rustwheel.overlay;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Produces the edited bytes of a file in one forward pass: clean ranges are copied (by the kernel where the
 * target is a file), overwrites and appended bytes written from memory. The cost is one read of the clean
 * file, whatever the size of the edit.
 */
final class OverlayApplier {

    /** Large enough that a 1 GiB file takes a few thousand reads, small enough to be no burden on the heap. */
    private static final int STREAM_BUFFER = 1 << 20;

    private OverlayApplier() {
    }

    /** Where the edited bytes go. */
    private interface Sink {
        void clean(FileChannel source, long from, long length) throws IOException;

        void bytes(byte[] bytes) throws IOException;

        /** The clean range {@code [from, from + bytes.length)} is replaced by {@code bytes}. */
        default void overwrite(FileChannel source, long from, byte[] bytes) throws IOException {
            bytes(bytes);
        }
    }

    /** @param cleanDigest fed every clean byte in order, or null */
    static void stream(Overlay overlay, Path clean, OutputStream out, MessageDigest cleanDigest) throws IOException {
        byte[] buffer = new byte[(int) Math.min(STREAM_BUFFER, Math.max(overlay.baseSize(), 1))];
        apply(overlay, clean, new Sink() {
            @Override
            public void clean(FileChannel source, long from, long length) throws IOException {
                read(source, from, length, true);
            }

            @Override
            public void bytes(byte[] bytes) throws IOException {
                out.write(bytes);
            }

            @Override
            public void overwrite(FileChannel source, long from, byte[] bytes) throws IOException {
                if (cleanDigest != null) {
                    read(source, from, bytes.length, false);
                }
                out.write(bytes);
            }

            /** Reads a clean range into the digest, and into {@code out} when {@code copy}. */
            private void read(FileChannel source, long from, long length, boolean copy) throws IOException {
                long done = 0;
                while (done < length) {
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, length - done));
                    int read = source.read(chunk, from + done);
                    if (read < 0) {
                        throw changed(clean, from + done);
                    }
                    if (cleanDigest != null) {
                        cleanDigest.update(buffer, 0, read);
                    }
                    if (copy) {
                        out.write(buffer, 0, read);
                    }
                    done += read;
                }
            }
        });
    }

    static void copy(Overlay overlay, Path clean, Path target) throws IOException {
        try (FileChannel sink = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            apply(overlay, clean, new Sink() {
                @Override
                public void clean(FileChannel source, long from, long length) throws IOException {
                    long done = 0;
                    while (done < length) {
                        long moved = source.transferTo(from + done, length - done, sink);
                        if (moved <= 0) {
                            throw changed(clean, from + done);
                        }
                        done += moved;
                    }
                }

                @Override
                public void bytes(byte[] bytes) throws IOException {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        sink.write(buffer);
                    }
                }
            });
        }
    }

    private static void apply(Overlay overlay, Path clean, Sink sink) throws IOException {
        try (FileChannel source = FileChannel.open(clean, StandardOpenOption.READ)) {
            long size = source.size();
            if (size != overlay.baseSize()) {
                throw new IOException(clean + ": the file has " + size + " bytes but its overlay was planned for "
                        + overlay.baseSize() + "; it changed after the repair was planned, so run the build again");
            }
            long position = 0;
            for (Overlay.Overwrite overwrite : overlay.overwrites()) {
                sink.clean(source, position, overwrite.offset() - position);
                byte[] bytes = overwrite.bytes();
                sink.overwrite(source, overwrite.offset(), bytes);
                position = overwrite.offset() + bytes.length;
            }
            sink.clean(source, position, overlay.baseSize() - position);
            sink.bytes(overlay.appended());
        }
    }

    private static IOException changed(Path clean, long position) {
        return new IOException(clean + ": the file ended at byte " + position + " while being read; it changed"
                + " after the repair was planned, so run the build again");
    }
}
