package dev.rustwheel.audit.macos;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.binary.macho.DylibReference;
import dev.rustwheel.binary.macho.MachOFile;
import dev.rustwheel.binary.macho.MachOSlice;
import dev.rustwheel.binary.macho.MinimumOs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Audits Mach-O files that ship together, as delocate does: the platform tags from the highest minimum macOS
 * per architecture, and the libraries they link (transitively) that are neither system libraries nor inside the
 * wheel. Install names resolve as dyld would without running anything: {@code @loader_path} from the file's
 * directory, {@code @rpath} through the file's {@code LC_RPATH} entries, absolute paths as they are, and any
 * name still unresolved by its file name in the library path (as {@code DYLD_LIBRARY_PATH} does).
 */
public final class MacosAuditor {

    private final List<Path> libraryPath;

    /** @param libraryPath directories searched by file name for libraries the install names do not locate */
    public MacosAuditor(List<Path> libraryPath) {
        this.libraryPath = List.copyOf(libraryPath);
    }

    /** Whether macOS itself provides the library, so a wheel never carries it. */
    public static boolean isSystem(String installName) {
        return installName.startsWith("/usr/lib/") || installName.startsWith("/System/");
    }

    /**
     * @param bundleRoot the unpacked wheel: libraries that resolve inside it travel with the files
     * @throws dev.rustwheel.binary.macho.MachOFormatException when one of {@code files} is not well-formed
     */
    public MacosAuditReport audit(List<Path> files, Optional<Path> bundleRoot) throws AuditException, IOException {
        if (files.isEmpty()) {
            throw new AuditException("There are no Mach-O files to audit.");
        }
        Map<String, MacosAuditReport.Requirement> minimums = new TreeMap<>();
        List<ExternalLibrary> external = new ArrayList<>();
        Set<String> system = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<Path> queue = new ArrayDeque<>(files);
        Set<Path> topLevel = new HashSet<>(files);
        while (!queue.isEmpty()) {
            Path current = queue.poll();
            MachOFile file = MachOFile.read(current);
            for (MachOSlice slice : file.slices()) {
                if (topLevel.contains(current)) {
                    slice.minimumOs().ifPresent(v -> minimums.merge(slice.architecture(),
                            new MacosAuditReport.Requirement(v, current),
                            (a, b) -> b.version().compareTo(a.version()) > 0 ? b : a));
                }
                for (DylibReference dylib : slice.dylibs()) {
                    String name = dylib.installName();
                    if (isSystem(name)) {
                        system.add(name);
                        continue;
                    }
                    Optional<Path> found = resolve(name, current, slice.rpaths());
                    if (found.isPresent() && bundleRoot.isPresent()
                            && found.get().toAbsolutePath().normalize().startsWith(bundleRoot.get().toAbsolutePath()
                                    .normalize())) {
                        continue; // carried by the wheel already
                    }
                    if (seen.add(found.map(p -> p.toAbsolutePath().normalize().toString()).orElse(name))) {
                        external.add(new ExternalLibrary(name, found, current));
                        found.ifPresent(queue::add);
                    }
                }
            }
        }
        Map<String, MinimumOs> versions = new LinkedHashMap<>();
        minimums.forEach((arch, requirement) -> versions.put(arch, requirement.version()));
        if (versions.isEmpty()) {
            throw new AuditException("None of " + files + " declares a minimum macOS (LC_BUILD_VERSION or"
                    + " LC_VERSION_MIN_MACOSX), so no macOS platform tag follows from them. Link them with a"
                    + " deployment target (MACOSX_DEPLOYMENT_TARGET).");
        }
        return new MacosAuditReport(files, minimums, MacosPlatformTags.of(versions), external, List.copyOf(system));
    }

    /** Where dyld would find {@code installName} for {@code loader}, if it exists on this machine. */
    public Optional<Path> resolve(String installName, Path loader, List<String> rpaths) {
        Path directory = loader.toAbsolutePath().getParent();
        List<Path> candidates = new ArrayList<>();
        if (installName.startsWith("@loader_path/")) {
            candidates.add(directory.resolve(installName.substring("@loader_path/".length())));
        } else if (installName.startsWith("@rpath/")) {
            String rest = installName.substring("@rpath/".length());
            for (String rpath : rpaths) {
                if (rpath.startsWith("@loader_path")) {
                    candidates.add(directory.resolve("." + rpath.substring("@loader_path".length())).resolve(rest));
                } else if (rpath.startsWith("/")) {
                    candidates.add(Path.of(rpath, rest));
                }
            }
        } else if (installName.startsWith("/")) {
            candidates.add(Path.of(installName));
        }
        String leaf = installName.substring(installName.lastIndexOf('/') + 1);
        libraryPath.forEach(d -> candidates.add(d.resolve(leaf)));
        return candidates.stream().map(Path::normalize).filter(Files::isRegularFile).findFirst();
    }
}
