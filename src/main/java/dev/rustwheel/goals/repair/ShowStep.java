package dev.rustwheel.goals.repair;

import dev.rustwheel.audit.LibraryExclusion;
import dev.rustwheel.audit.PlatformShowReport;
import dev.rustwheel.audit.linux.AuditReport;
import dev.rustwheel.audit.linux.ShowReport;
import dev.rustwheel.audit.macos.MacosAuditReport;
import dev.rustwheel.audit.windows.WindowsAuditReport;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.ModuleState;
import dev.rustwheel.staging.StagingManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The {@code show} goal: audits the module's artifacts, or any wheel, and returns what auditwheel show prints
 * (delocate's and delvewheel's view for macOS and Windows wheels). A wheel's native entries are unpacked into a
 * temporary directory, keeping their paths, so that $ORIGIN, @loader_path and libraries shipped inside the wheel
 * resolve as they will when installed.
 */
public final class ShowStep {

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
                + " compile), or name a wheel with the parameter wheel.", null));
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
            List<Path> files = unpackNativeEntries(wheel, unpacked);
            if (files.isEmpty()) {
                throw BuildException.userError(wheel + " holds no native binaries (ELF, Mach-O, PE): it does not"
                        + " look like a platform wheel, so there is nothing to audit.", null);
            }
            try {
                return InWheelNames.of(report(config, wheel, files, unpacked), unpacked, wheel);
            } catch (BuildException e) {
                throw InWheelNames.renamed(e, unpacked, wheel);
            }
        } finally {
            deleteQuietly(unpacked);
        }
    }

    /** The report on {@code files}, unpacked from {@code wheel}, for the one platform they are built for. */
    private static String report(ShowConfig config, Path wheel, List<Path> files, Path unpacked)
            throws BuildException {
        return switch (format(wheel, files)) {
            case ELF -> render(ArtifactAudit.of(files, Optional.of(unpacked), config.ldLibraryPath(), List.of(),
                    LibraryExclusion.NONE), config.json());
            case MACHO -> {
                MacosAuditReport macos = ForeignAudit.macos(files, Optional.of(unpacked), config.libraryPath());
                yield config.json() ? PlatformShowReport.json(macos) : PlatformShowReport.text(macos);
            }
            case PE -> {
                WindowsAuditReport windows = ForeignAudit.windows(files, config.libraryPath(),
                        config.libraryPathParameter(), pythonTag(wheel));
                yield config.json() ? PlatformShowReport.json(windows) : PlatformShowReport.text(windows);
            }
        };
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
                    + wheels.stream().map(Path::getFileName).toList() + "; name one with the parameter wheel.",
                    null);
        }
        return wheels.get(0);
    }

    /** The one native format of the files; a wheel mixing platforms cannot be tagged. */
    private static NativeFormat format(Path wheel, List<Path> files) throws BuildException {
        Map<NativeFormat, Path> formats = new EnumMap<>(NativeFormat.class);
        for (Path file : files) {
            try {
                NativeFormat.of(file).ifPresent(f -> formats.putIfAbsent(f, file));
            } catch (IOException e) {
                throw BuildException.toolFailure("Cannot read " + file + ": " + e, e);
            }
        }
        if (formats.size() > 1) {
            throw BuildException.userError(wheel + " mixes binaries for " + formats.entrySet().stream()
                    .map(e -> e.getKey().platform() + " (" + e.getValue().getFileName() + ")").toList()
                    + "; a platform wheel targets one platform. Build one wheel per platform.", null);
        }
        return formats.keySet().iterator().next();
    }

    /** The Python tag of a wheel's file name ({@code cp312} in {@code demo-1.0-cp312-cp312-win_amd64.whl}). */
    static Optional<String> pythonTag(Path wheel) {
        String[] parts = wheel.getFileName().toString().replaceFirst("\\.whl$", "").split("-");
        return parts.length >= 5 ? Optional.of(parts[parts.length - 3]) : Optional.empty();
    }

    /** Writes each native binary entry under {@code target} at its path in the wheel; returns them in wheel order. */
    static List<Path> unpackNativeEntries(Path wheel, Path target) throws BuildException {
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
                    byte[] head = in.readNBytes(NativeFormat.HEAD);
                    if (NativeFormat.of(head).isEmpty()) {
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
            throw BuildException.userError("No wheel at " + wheel + ". Check the parameter wheel.", e);
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
