package dev.rustwheel.staging;

import dev.rustwheel.overlay.Overlay;
import java.nio.file.Path;
import java.util.List;

/**
 * An external shared library the wheel carries, as {@code repair} planned it. It is streamed into the wheel
 * straight from where the system keeps it, with its overlay applied on the way; nothing is copied or patched on
 * disk.
 *
 * @param sonames     the DT_NEEDED names it was found under (several names may resolve to one file)
 * @param sourcePath  the file itself (symbolic links resolved), only ever read
 * @param archivePath where it goes in the wheel: {@code <dist>.libs/<base>-<first 8 hex of sha256>.<rest>}
 * @param sha256      digest of its clean bytes, whose first 8 hex digits name it
 * @param sourceSize  the file's size when {@code sha256} was computed
 * @param sourceModified the file's modification time then ({@link java.nio.file.attribute.FileTime#toString}):
 *                    with the path and size, what tells a rebuild that the digest still holds without reading
 *                    the file again
 * @param overlay     its new SONAME, DT_NEEDED names and search path
 */
public record GraftedLibrary(List<String> sonames, Path sourcePath, String archivePath, String sha256,
        long sourceSize, String sourceModified, Overlay overlay) {

    public GraftedLibrary {
        sonames = List.copyOf(sonames);
    }

    /** Its file name in the wheel, which is also its new SONAME. */
    public String fileName() {
        return archivePath.substring(archivePath.lastIndexOf('/') + 1);
    }
}
