package dev.rustwheel.staging.store;

import dev.rustwheel.staging.StagingException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Serialises the modules (threads of one Maven, or several Mavens) that build in one cargo target directory, such
 * as the members of a cargo workspace: whoever runs cargo, stages or restores there holds the lock file
 * {@value #FILE_NAME} in that directory, so no module moves a file while another one's cargo looks at the
 * directory. Each module still keeps its own manifest and moves only its own artifacts.
 *
 * <p>A {@link FileLock} belongs to the whole JVM and cannot be taken twice in it, so threads of one JVM queue on
 * an in-process lock first. The lock is reentrant within a thread: a goal that holds it may restore, which takes it
 * again.
 */
public final class TargetLock implements AutoCloseable {

    public static final String FILE_NAME = ".rustwheel-lock";

    private static final Map<Path, Holder> HOLDERS = new ConcurrentHashMap<>();

    /** The lock of one lock file in this JVM; its file lock is taken by the thread's outermost acquisition. */
    private static final class Holder {
        final ReentrantLock threads = new ReentrantLock();
        FileChannel channel;
    }

    private final Holder holder;
    private boolean closed;

    private TargetLock(Holder holder) {
        this.holder = holder;
    }

    /** Takes the lock of {@code targetDirectory}, waiting (and saying so) while another module or build holds it. */
    public static TargetLock acquire(Path targetDirectory, Consumer<String> log) throws StagingException {
        return take(targetDirectory, log, true).orElseThrow();
    }

    /** Takes the lock if nobody holds it, without waiting. */
    public static Optional<TargetLock> tryAcquire(Path targetDirectory) throws StagingException {
        return take(targetDirectory, null, false);
    }

    private static Optional<TargetLock> take(Path targetDirectory, Consumer<String> log, boolean wait)
            throws StagingException {
        Path file = lockFile(targetDirectory);
        // not computeIfAbsent with a lambda: every goal takes the lock, and a lambda costs a warm build its class
        Holder holder = HOLDERS.get(file);
        if (holder == null) {
            Holder fresh = new Holder();
            holder = HOLDERS.putIfAbsent(file, fresh);
            holder = holder == null ? fresh : holder;
        }
        if (!holder.threads.tryLock()) {
            if (!wait) {
                return Optional.empty();
            }
            log.accept("Waiting for " + file + ": another module of this build is using " + targetDirectory);
            holder.threads.lock();
        }
        boolean taken = false;
        try {
            if (holder.threads.getHoldCount() == 1) {
                holder.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock fileLock = holder.channel.tryLock();
                if (fileLock == null) {
                    if (!wait) {
                        return Optional.empty();
                    }
                    log.accept("Waiting for " + file + ": another build is using " + targetDirectory);
                    holder.channel.lock();
                }
            }
            taken = true;
            return Optional.of(new TargetLock(holder));
        } catch (IOException | RuntimeException e) {
            throw failure(file, e);
        } finally {
            if (!taken) {
                releaseQuietly(holder);
            }
        }
    }

    @Override
    public void close() throws StagingException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            release(holder);
        } catch (IOException e) {
            throw new StagingException(null, "Cannot release a target directory's " + FILE_NAME + ": " + e, e);
        }
    }

    private static Path lockFile(Path targetDirectory) throws StagingException {
        try {
            Files.createDirectories(targetDirectory);
            return targetDirectory.toRealPath().resolve(FILE_NAME);
        } catch (IOException e) {
            throw failure(targetDirectory.resolve(FILE_NAME), e);
        }
    }

    /** Gives up one hold of the current thread; the outermost also lets the file lock go. */
    private static void release(Holder holder) throws IOException {
        try {
            if (holder.threads.getHoldCount() == 1 && holder.channel != null) {
                // closing the channel releases its file lock
                FileChannel channel = holder.channel;
                holder.channel = null;
                channel.close();
            }
        } finally {
            holder.threads.unlock();
        }
    }

    private static void releaseQuietly(Holder holder) {
        try {
            release(holder);
        } catch (IOException e) {
            // the channel is closed either way, which is all that releasing it needs
        }
    }

    private static StagingException failure(Path file, Exception e) {
        return new StagingException(file, "Cannot lock " + file + ", which keeps builds sharing a cargo target"
                + " directory from moving files under each other: " + e + ". Check that the directory is writable.",
                e);
    }
}
