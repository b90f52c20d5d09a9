package dev.rustwheel.audit.graft;

import dev.rustwheel.overlay.Overlay;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a macOS or Windows wheel carries its external libraries: each library copied to a path in the wheel, and
 * each file's edits (its own, or a copied library's) as an overlay on its clean bytes.
 *
 * @param copies the libraries to add, in order
 * @param edits  per file on disk (an unpacked wheel file or a library's source), its overlay
 */
public record BundledLibraries(List<Copy> copies, Map<Path, Overlay> edits) {

    public BundledLibraries {
        copies = List.copyOf(copies);
        edits = Map.copyOf(edits);
    }

    /** A library copied from {@code source} to {@code archivePath} in the wheel. */
    public record Copy(Path source, String archivePath) {
    }
}
