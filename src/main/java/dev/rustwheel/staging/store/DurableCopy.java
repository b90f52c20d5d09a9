package dev.rustwheel.staging.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * The copy behind every move that crosses file systems. The bytes go to {@code <name>.partial} beside the
 * destination, are forced to disk, and only then renamed onto the destination, so a copy cut short never carries
 * the destination's name: whoever finds a {@code .partial} file knows it is garbage.
 */
public final class DurableCopy {

    private DurableCopy() {
    }

    public static Path partialOf(Path destination) {
        return destination.resolveSibling(destination.getFileName() + ".partial");
    }

    /** Copies {@code source} onto {@code destination}, keeping its modification time and permissions. */
    public static void copy(Path source, Path destination) throws IOException {
        Path partial = partialOf(destination);
        try {
            try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE,
                         StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                long size = in.size();
                long half = size / 2;
                transfer(in, out, 0, half);
                out.force(true);
                FaultPoints.reach(FaultPoints.COPY_MIDWAY);
                transfer(in, out, half, size);
                out.force(true);
            }
            // cargo's freshness check compares modification times, so a copy given back must keep the original's
            Files.setLastModifiedTime(partial, Files.getLastModifiedTime(source));
            PosixFileAttributeView posix = Files.getFileAttributeView(partial, PosixFileAttributeView.class);
            if (posix != null) {
                posix.setPermissions(Files.readAttributes(source, PosixFileAttributes.class).permissions());
            }
            Files.move(partial, destination, StandardCopyOption.ATOMIC_MOVE);
            Durability.forceDirectory(destination.getParent());
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    private static void transfer(FileChannel in, FileChannel out, long from, long to) throws IOException {
        long position = from;
        while (position < to) {
            position += in.transferTo(position, to - position, out);
        }
    }
}
