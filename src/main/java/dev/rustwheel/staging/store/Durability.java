package dev.rustwheel.staging.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Makes a rename or a new directory entry survive a power loss, not only a crash of the JVM. */
public final class Durability {

    private Durability() {
    }

    public static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems (and all of Windows) cannot open a directory for syncing; the rename is still atomic
            if (!isUnsupported(e)) {
                throw e;
            }
        }
    }

    private static boolean isUnsupported(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Is a directory") || message.contains("Access is denied")
                || message.contains("Invalid argument");
    }
}
