package dev.rustwheel.goals.repair;

import dev.rustwheel.goals.BuildException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A wheel unpacked into a temporary directory for repair: every entry at its path, with its executable bit, and
 * what its file name and {@code WHEEL} file say about its tags. Deleted on close.
 *
 * @param wheel     the wheel file
 * @param root      the directory it was unpacked into
 * @param entries   its entries in archive order
 * @param distInfo  its {@code .dist-info} directory name
 */
record UnpackedWheel(Path wheel, Path root, List<Entry> entries, String distInfo) implements AutoCloseable {

    /** One file of the wheel. */
    record Entry(String path, boolean executable) {
        Path file(Path root) {
            return root.resolve(path);
        }
    }

    static UnpackedWheel unpack(Path wheel) throws BuildException {
        Path root;
        try {
            root = Files.createTempDirectory("rustwheel-repair-");
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot create a temporary directory: " + e, e);
        }
        List<Entry> entries = new ArrayList<>();
        try (ZipFile zip = ZipFile.builder().setPath(wheel).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root) || destination.equals(root)) {
                    throw BuildException.userError(wheel + ": entry '" + entry.getName() + "' points outside the"
                            + " wheel; such an archive is unsafe to unpack and no valid wheel has one.", null);
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, destination);
                }
                entries.add(new Entry(entry.getName(), (entry.getUnixMode() & 0100) != 0));
            }
        } catch (NoSuchFileException e) {
            delete(root);
            throw BuildException.userError("No wheel at " + wheel + ". Check the parameter wheel.", e);
        } catch (IOException e) {
            delete(root);
            throw BuildException.userError("Cannot read " + wheel + " as a wheel (zip archive): " + e.getMessage(), e);
        } catch (BuildException e) {
            delete(root);
            throw e;
        }
        List<String> distInfos = entries.stream().map(Entry::path).filter(p -> p.matches("[^/]+\\.dist-info/WHEEL"))
                .map(p -> p.substring(0, p.indexOf('/'))).toList();
        if (distInfos.size() != 1) {
            delete(root);
            throw BuildException.userError(wheel + " has " + distInfos.size() + " .dist-info directories with a"
                    + " WHEEL file; a wheel has exactly one.", null);
        }
        return new UnpackedWheel(wheel, root, List.copyOf(entries), distInfos.get(0));
    }

    /** The {@code Tag:} lines of its WHEEL file, as {@code python-abi-platform} strings. */
    List<String> tags() throws BuildException {
        try {
            return Files.readAllLines(root.resolve(distInfo).resolve("WHEEL"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("Tag:")).map(l -> l.substring(4).trim()).toList();
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot read " + distInfo + "/WHEEL: " + e, e);
        }
    }

    /** The file name without its platform tag and extension ({@code demo-1.0-cp312-cp312}). */
    String fileNameWithoutPlatform() throws BuildException {
        String name = wheel.getFileName().toString();
        if (!name.endsWith(".whl") || name.split("-").length < 5) {
            throw BuildException.userError(wheel + " is not named as a wheel (name-version-python-abi-platform.whl);"
                    + " rename it as it was built.", null);
        }
        return name.substring(0, name.lastIndexOf('-'));
    }

    /** The top-level directories holding an {@code __init__.py}: the wheel's import packages, sorted. */
    List<String> topLevelPackages() {
        return entries.stream().map(Entry::path).filter(p -> p.matches("[^/]+/__init__\\.py"))
                .map(p -> p.substring(0, p.indexOf('/'))).sorted().toList();
    }

    @Override
    public void close() {
        delete(root);
    }

    private static void delete(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless; the repair's result matters more than cleanup
        }
    }
}
