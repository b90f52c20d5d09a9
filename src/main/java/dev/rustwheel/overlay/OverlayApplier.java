package dev.rustwheel.overlay;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
    }

    static void stream(Overlay overlay, Path clean, OutputStream out) throws IOException {
        byte[] buffer = new byte[(int) Math.min(STREAM_BUFFER, Math.max(overlay.baseSize(), 1))];
        apply(overlay, clean, new Sink() {
            @Override
            public void clean(FileChannel source, long from, long length) throws IOException {
                long done = 0;
                while (done < length) {
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, length - done));
                    int read = source.read(chunk, from + done);
                    if (read < 0) {
                        throw changed(clean, from + done);
                    }
                    out.write(buffer, 0, read);
                    done += read;
                }
            }

            @Override
            public void bytes(byte[] bytes) throws IOException {
                out.write(bytes);
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
                sink.bytes(bytes);
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
