package dev.rustwheel.audit.graft;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.binary.pe.PeFile;
import dev.rustwheel.binary.pe.PePatcher;
import dev.rustwheel.overlay.Overlay;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Plans a delvewheel-style repair: every external DLL is copied into the wheel's library directory under a
 * mangled name ({@code name-<32 hex digits>.dll}, delvewheel's scheme), so that it can never clash with another
 * copy of the same DLL loaded into the process, and the import tables of the wheel's files and of the copies are
 * rewritten to the mangled names.
 *
 * <p>The digits are delvewheel's chained hash: the DLLs are named in dependency order, and each one's hash is the
 * SHA-256 of its bundled direct dependencies' hashes (in import-table order, delay-load imports after the
 * ordinary ones, each followed by a NUL byte) and then of its own clean bytes. A DLL whose dependency changes
 * thus changes name too, so two wheels never share a name for different dependency sets. Each DLL is streamed
 * once through the digest.
 */
public final class WindowsGraftPlanner {

    private static final int HASH_DIGITS = 32;

    private WindowsGraftPlanner() {
    }

    /**
     * @param wheelFiles the wheel's PE files on disk
     * @param external   the audit's external DLLs (all found)
     * @param libraryDir the wheel directory that receives them ({@code <dist>.libs}, or empty for the root)
     * @throws AuditException when the bundled DLLs import each other in a cycle, which no dependency order names
     */
    public static BundledLibraries plan(List<Path> wheelFiles, List<ExternalLibrary> external, String libraryDir)
            throws AuditException, IOException {
        Map<String, Path> bundled = new LinkedHashMap<>(); // lowercase import name → source
        for (ExternalLibrary library : external) {
            Path source = library.path().orElseThrow(() -> new IllegalArgumentException("unresolved " + library));
            bundled.putIfAbsent(library.soname().toLowerCase(Locale.ROOT), source);
        }
        Map<String, String> renames = mangledNames(bundled);
        Map<Path, String> copies = new LinkedHashMap<>();
        bundled.forEach((name, source) -> copies.putIfAbsent(source,
                libraryDir.isEmpty() ? renames.get(name) : libraryDir + "/" + renames.get(name)));
        List<Path> all = new ArrayList<>(wheelFiles);
        copies.keySet().stream().filter(p -> !all.contains(p)).forEach(all::add);
        Map<Path, Overlay> edits = new LinkedHashMap<>();
        for (Path file : all) {
            Overlay overlay = PePatcher.plan(file, renames);
            if (!overlay.changesNothing()) {
                edits.put(file, overlay);
            }
        }
        List<BundledLibraries.Copy> copied = new ArrayList<>();
        copies.forEach((source, path) -> copied.add(new BundledLibraries.Copy(source, path)));
        return new BundledLibraries(copied, edits);
    }

    /**
     * @param bundled each bundled DLL's lowercase import name → its file
     * @return each lowercase import name → the mangled file name, {@code <stem>-<hash><extension>} after the file's
     *         own name
     */
    static Map<String, String> mangledNames(Map<String, Path> bundled) throws AuditException, IOException {
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        for (Map.Entry<String, Path> dll : bundled.entrySet()) {
            PeFile pe = PeFile.read(dll.getValue());
            List<String> direct = new ArrayList<>();
            Stream.concat(pe.imports().stream(), pe.delayImports().stream())
                    .map(i -> i.dll().toLowerCase(Locale.ROOT)).filter(bundled::containsKey).forEach(direct::add);
            dependencies.put(dll.getKey(), direct);
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String name : bundled.keySet()) {
            hash(name, bundled, dependencies, hashes, new LinkedHashSet<>());
        }
        Map<String, String> names = new LinkedHashMap<>();
        bundled.forEach((name, source) -> {
            String file = source.getFileName().toString();
            int dot = file.lastIndexOf('.');
            boolean hasExtension = dot > 0 && file.substring(0, dot).chars().anyMatch(c -> c != '.');
            names.put(name, hasExtension ? file.substring(0, dot) + "-" + hashes.get(name) + file.substring(dot)
                    : file + "-" + hashes.get(name));
        });
        return names;
    }

    /** The hash of {@code name}, its dependencies' first (depth first, so each is hashed once, before its users). */
    private static String hash(String name, Map<String, Path> bundled, Map<String, List<String>> dependencies,
            Map<String, String> hashes, Set<String> path) throws AuditException, IOException {
        String done = hashes.get(name);
        if (done != null) {
            return done;
        }
        if (!path.add(name)) {
            throw new AuditException("The DLLs to bundle import each other in a cycle (" + String.join(" → ", path)
                    + " → " + name + "), so delvewheel's names, which hash each DLL after its dependencies, cannot"
                    + " be given. Exclude one of them (auditwheelExclude) and ship it another way.");
        }
        MessageDigest digest = sha256();
        for (String dependency : dependencies.get(name)) {
            digest.update(hash(dependency, bundled, dependencies, hashes, path).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) 0);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(bundled.get(name)), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        path.remove(name);
        String hash = HexFormat.of().formatHex(digest.digest()).substring(0, HASH_DIGITS);
        hashes.put(name, hash);
        return hash;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
