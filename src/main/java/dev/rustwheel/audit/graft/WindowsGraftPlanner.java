package dev.rustwheel.audit.graft;

import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.binary.pe.PePatcher;
import dev.rustwheel.overlay.Overlay;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plans a delvewheel-style repair: every external DLL is copied into the wheel's library directory under a
 * mangled name ({@code name-<32 hex digits of its SHA-256>.dll}), so that it can never clash with another copy
 * of the same DLL loaded into the process, and the import tables of the wheel's files and of the copies are
 * rewritten to the mangled names.
 */
public final class WindowsGraftPlanner {

    private WindowsGraftPlanner() {
    }

    /**
     * @param wheelFiles the wheel's PE files on disk
     * @param external   the audit's external DLLs (all found)
     * @param libraryDir the wheel directory that receives them ({@code <dist>.libs}, or empty for the root)
     */
    public static BundledLibraries plan(List<Path> wheelFiles, List<ExternalLibrary> external, String libraryDir)
            throws IOException {
        Map<String, String> renames = new LinkedHashMap<>();
        Map<Path, String> copies = new LinkedHashMap<>();
        for (ExternalLibrary library : external) {
            Path source = library.path().orElseThrow(() -> new IllegalArgumentException("unresolved " + library));
            String mangled = mangle(library.soname(), source);
            renames.put(library.soname().toLowerCase(Locale.ROOT), mangled);
            copies.put(source, libraryDir.isEmpty() ? mangled : libraryDir + "/" + mangled);
        }
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

    /** {@code foo.dll} → {@code foo-<first 32 hex digits of the file's SHA-256>.dll}. */
    static String mangle(String dll, Path source) throws IOException {
        int dot = dll.lastIndexOf('.');
        String stem = dot > 0 ? dll.substring(0, dot) : dll;
        String extension = dot > 0 ? dll.substring(dot) : "";
        return stem + "-" + sha256(source).substring(0, 32) + extension;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
