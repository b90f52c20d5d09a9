package dev.rustwheel.staging.store;

import com.fasterxml.jackson.core.JacksonException;
import dev.rustwheel.json.Json;
import dev.rustwheel.json.JsonReader;
import dev.rustwheel.staging.StagingException;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.StagingManifest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Reads and writes one module's manifest. Every write is atomic: a temp file in the same directory, forced to
 * disk, renamed over the manifest, so that a reader (or the next build after a crash) sees either the previous
 * manifest or the new one, never a mix; a write announcing a move also forces the directory before the move.
 */
public final class ManifestStore {

    private final StagingLayout layout;

    public ManifestStore(StagingLayout layout) {
        this.layout = layout;
    }

    public StagingLayout layout() {
        return layout;
    }

    /** The manifest, or empty when no build has written one yet. */
    public Optional<StagingManifest> read() throws StagingException {
        Path file = layout.manifest();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CorruptManifestException(file, "it is unreadable (" + e + ")", layout.stagingDirectory(), e);
        }
        StagingManifest manifest;
        try {
            String version;
            try (JsonReader json = Json.read(bytes)) {
                version = ManifestJson.schemaVersion(json);
            }
            if (!String.valueOf(StagingManifest.SCHEMA_VERSION).equals(version)) {
                boolean older = version != null && version.matches("-?[0-9]{1,9}")
                        && Integer.parseInt(version) < StagingManifest.SCHEMA_VERSION;
                throw new CorruptManifestException(file, "its schemaVersion is " + (version == null ? "missing"
                        : version) + (older ? " (written by an older rustwheel)" : "") + ", this plugin reads version "
                        + StagingManifest.SCHEMA_VERSION, layout.stagingDirectory(), null);
            }
            try (JsonReader json = Json.read(bytes)) {
                manifest = ManifestJson.readManifest(json);
            }
        } catch (IOException e) {
            throw new CorruptManifestException(file, "it is not a valid manifest (" + firstLine(e) + ")",
                    layout.stagingDirectory(), e);
        }
        return Optional.of(manifest);
    }

    /**
     * Replaces the manifest atomically: its content is on disk before the rename, so no crash or power loss leaves a
     * torn or empty manifest. The rename itself is not waited for: a power loss may bring back the previous
     * manifest, which the recovery handles as it handles a build killed just before this write. Each such wait
     * costs a journal commit (milliseconds), so only a write announcing a move waits: {@link #writeBeforeMove}.
     */
    public void write(StagingManifest manifest) throws StagingException {
        replace(manifest, false);
    }

    /**
     * As {@link #write}, then waits until the rename is on disk too: the move this write announces may not reach
     * the disk before its announcement, or a power loss could leave a file moved without the manifest saying so.
     */
    public void writeBeforeMove(StagingManifest manifest) throws StagingException {
        replace(manifest, true);
    }

    private void replace(StagingManifest manifest, boolean durableRename) throws StagingException {
        FaultPoints.reach(FaultPoints.MANIFEST_BEFORE_WRITE);
        Path file = layout.manifest();
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            byte[] bytes = Json.pretty(new ManifestJson.Writer(manifest));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + file + " cannot rename atomically", e);
            }
            if (durableRename) {
                Durability.forceDirectory(file.getParent());
            }
        } catch (IOException e) {
            throw new StagingException(file, "Cannot write the staging manifest " + file + ": " + e.getMessage()
                    + ". Check that the build directory is writable and the disk is not full.", e);
        }
        FaultPoints.reach(FaultPoints.MANIFEST_AFTER_WRITE);
    }

    private static String firstLine(IOException e) {
        String message = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
