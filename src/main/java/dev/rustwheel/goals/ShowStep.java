package dev.rustwheel.goals;

import dev.rustwheel.audit.AuditReport;
import dev.rustwheel.audit.LibraryExclusion;
import dev.rustwheel.audit.ShowReport;
import dev.rustwheel.staging.StagingManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The {@code show} goal: audits the module's artifacts, or any wheel, and returns what auditwheel show prints.
 * A wheel's ELF entries are unpacked into a temporary directory, keeping their paths, so that $ORIGIN and
 * libraries shipped inside the wheel resolve as they will when installed.
 */
public final class ShowStep {

    private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};

    private final ModuleState state;

    public ShowStep(Path buildDirectory, BuildLog log) {
        this.state = new ModuleState(buildDirectory, log);
    }

    public String run(ShowConfig config) throws BuildException {
        if (config.wheel() != null) {
            return showWheel(config);
        }
        StagingManifest manifest = state.read().orElseThrow(() -> BuildException.userError("Nothing to show: no"
                + " staging manifest at " + state.store().layout().manifest() + ". Build the module first (mvn"
                + " compile), or name a wheel with -Drustwheel.wheel=path/to/file.whl.", null));
        return render(ArtifactAudit.ofModule(manifest, config.ldLibraryPath(), LibraryExclusion.NONE), config.json());
    }

    private static String showWheel(ShowConfig config) throws BuildException {
        Path wheel = singleWheel(config.wheel());
        Path unpacked;
        try {
            unpacked = Files.createTempDirectory("rustwheel-show-");
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot create a temporary directory: " + e, e);
        }
        try {
            List<Path> files = unpackElfEntries(wheel, unpacked);
            if (files.isEmpty()) {
                throw BuildException.userError(wheel + " holds no ELF files: it does not look like a"
                        + " Linux platform wheel, so there is nothing to audit.", null);
            }
            // people and tools know the wheel, not the temporary directory it was unpacked into
            String inWheel = wheel.getFileName() + "!/";
            try {
                String report = render(ArtifactAudit.of(files, Optional.of(unpacked), config.ldLibraryPath(),
                        List.of(), LibraryExclusion.NONE), config.json());
                return report.replace(unpacked + "/", inWheel);
            } catch (BuildException e) {
                String message = e.getMessage().replace(unpacked + "/", inWheel);
                throw e.isUserError() ? BuildException.userError(message, e) : BuildException.toolFailure(message, e);
            }
        } finally {
            deleteQuietly(unpacked);
        }
    }

    /** The wheel itself, or the one wheel in a directory (such as target/wheels), whose name varies with its tags. */
    static Path singleWheel(Path wheelOrDirectory) throws BuildException {
        if (!Files.isDirectory(wheelOrDirectory)) {
            return wheelOrDirectory;
        }
        List<Path> wheels;
        try (Stream<Path> list = Files.list(wheelOrDirectory)) {
            wheels = list.filter(p -> p.getFileName().toString().endsWith(".whl")).sorted().toList();
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot list " + wheelOrDirectory + ": " + e, e);
        }
        if (wheels.size() != 1) {
            throw BuildException.userError(wheelOrDirectory + " holds " + wheels.size() + " wheels "
                    + wheels.stream().map(Path::getFileName).toList() + "; name one with -Drustwheel.wheel=path/to/file.whl.",
                    null);
        }
        return wheels.get(0);
    }

    /** Writes each ELF entry under {@code target} at its path in the wheel; returns them in wheel order. */
    static List<Path> unpackElfEntries(Path wheel, Path target) throws BuildException {
        List<Path> files = new ArrayList<>();
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                Path destination = target.resolve(entry.getName()).normalize();
                if (!destination.startsWith(target)) {
                    throw BuildException.userError(wheel + ": entry '" + entry.getName() + "' points outside the"
                            + " wheel; such an archive is unsafe to unpack and no valid wheel has one.", null);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] head = in.readNBytes(ELF_MAGIC.length);
                    if (!java.util.Arrays.equals(head, ELF_MAGIC)) {
                        continue;
                    }
                    Files.createDirectories(destination.getParent());
                    try (var out = Files.newOutputStream(destination)) {
                        out.write(head);
                        in.transferTo(out);
                    }
                }
                files.add(destination);
            }
        } catch (NoSuchFileException e) {
            throw BuildException.userError("No wheel at " + wheel + ". Check -Drustwheel.wheel.", e);
        } catch (IOException e) {
            throw BuildException.userError("Cannot read " + wheel + " as a wheel (zip archive): " + e.getMessage(), e);
        }
        return files;
    }

    private static String render(AuditReport report, boolean json) {
        return json ? ShowReport.json(report) : ShowReport.text(report);
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless; the report matters more than cleanup
        }
    }
}
