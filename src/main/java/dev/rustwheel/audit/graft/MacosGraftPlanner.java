package dev.rustwheel.audit.graft;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.audit.macos.MacosAuditor;
import dev.rustwheel.binary.macho.DylibReference;
import dev.rustwheel.binary.macho.MachOEdits;
import dev.rustwheel.binary.macho.MachOFile;
import dev.rustwheel.binary.macho.MachOPatcher;
import dev.rustwheel.binary.macho.MachOSlice;
import dev.rustwheel.overlay.Overlay;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans a delocate-style repair: every external library is copied, under its own file name, into one directory
 * of the wheel ({@code <package>/.dylibs}); every reference to it, from the wheel's files and from the other
 * copied libraries, becomes {@code @loader_path/<relative path>}; each copy gets the id
 * {@code /DLC/<directory>/<name>} so that its id is unique; absolute rpaths, which point at the build machine,
 * are dropped from every edited file. Signed slices are re-hashed by the patcher.
 */
public final class MacosGraftPlanner {

    private static final String DLC = "/DLC/";

    private MacosGraftPlanner() {
    }

    /**
     * @param wheelFiles  each Mach-O file of the wheel on disk → its path in the wheel
     * @param external    the audit's external libraries (all found)
     * @param libraryDir  the wheel directory that receives them ({@code pkg/.dylibs})
     */
    public static BundledLibraries plan(Map<Path, String> wheelFiles, List<ExternalLibrary> external,
            String libraryDir, MacosAuditor resolver) throws AuditException, IOException {
        Map<Path, String> copies = new LinkedHashMap<>(); // source → path in the wheel
        Map<String, Path> byName = new HashMap<>();
        for (ExternalLibrary library : external) {
            Path source = library.path().orElseThrow(() -> new IllegalArgumentException("unresolved " + library))
                    .toAbsolutePath().normalize();
            String name = source.getFileName().toString();
            Path other = byName.putIfAbsent(name, source);
            if (other != null && !other.equals(source)) {
                throw new AuditException("Two different libraries share the file name " + name + " (" + other
                        + " and " + source + "); one directory of the wheel cannot hold both. Exclude one, or"
                        + " rename it.");
            }
            copies.putIfAbsent(source, libraryDir + "/" + name);
        }
        Map<Path, String> all = new LinkedHashMap<>(wheelFiles);
        copies.forEach(all::putIfAbsent);
        Map<Path, Overlay> edits = new LinkedHashMap<>();
        for (Map.Entry<Path, String> file : all.entrySet()) {
            Map<String, String> changes = new HashMap<>();
            List<String> absoluteRpaths = new ArrayList<>();
            for (MachOSlice slice : MachOFile.read(file.getKey()).slices()) {
                for (DylibReference dylib : slice.dylibs()) {
                    Optional<Path> resolved = resolver.resolve(dylib.installName(), file.getKey(), slice.rpaths())
                            .map(p -> p.toAbsolutePath().normalize());
                    if (resolved.isPresent() && copies.containsKey(resolved.get())) {
                        changes.put(dylib.installName(), "@loader_path/"
                                + relative(file.getValue(), copies.get(resolved.get())));
                    }
                }
                slice.rpaths().stream().filter(r -> r.startsWith("/")).forEach(absoluteRpaths::add);
            }
            Optional<String> id = copies.containsKey(file.getKey())
                    ? Optional.of(DLC + copies.get(file.getKey())) : Optional.empty();
            if (changes.isEmpty() && id.isEmpty()) {
                continue;
            }
            Overlay overlay = MachOPatcher.plan(file.getKey(), new MachOEdits(changes, id, absoluteRpaths, List.of()));
            if (!overlay.changesNothing()) {
                edits.put(file.getKey(), overlay);
            }
        }
        List<BundledLibraries.Copy> copied = new ArrayList<>();
        copies.forEach((source, path) -> copied.add(new BundledLibraries.Copy(source, path)));
        return new BundledLibraries(copied, edits);
    }

    /** The path from the directory of wheel entry {@code from} to wheel entry {@code to}. */
    static String relative(String from, String to) {
        Path base = Path.of("/", from).getParent();
        return base.relativize(Path.of("/", to)).toString().replace('\\', '/');
    }
}
