package dev.rustwheel.audit.graft;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.binary.elf.DynamicSection;
import dev.rustwheel.binary.elf.ElfFile;
import dev.rustwheel.binary.elf.patch.ElfEdits;
import dev.rustwheel.binary.elf.patch.ElfPatcher;
import dev.rustwheel.binary.elf.patch.SearchPathEdit;
import dev.rustwheel.overlay.Overlay;
import dev.rustwheel.staging.GraftedLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the grafting of external libraries into {@code <dist>.libs/}, following auditwheel's rules: each library
 * (one per real file, whatever names lead to it) is named {@code <base>-<first 8 hex of its SHA-256>.<rest>}
 * after its real file name, gets that name as its SONAME, and {@code $ORIGIN} as its RPATH when it needs other
 * grafted libraries (its old search path removed otherwise). Every file needing a grafted library has its
 * DT_NEEDED names rewritten and its RPATH (DT_RPATH, searched for indirect dependencies too) set to the entries
 * that resolve inside the wheel plus {@code $ORIGIN/<relative path to <dist>.libs>}; absolute build paths are
 * dropped. Nothing is written: every edit is an overlay.
 *
 * <p>A library's name needs its digest, so a first build reads each library once; a rebuild takes the digest
 * from the previous repair when the file's path, size and modification time are unchanged, and reads nothing
 * whole. The wheel's own files are not digested here: package does that while streaming them.
 */
public final class GraftPlanner {

    private static final int HASH_DIGITS = 8;

    private GraftPlanner() {
    }

    /**
     * @param toGraft        the external libraries of the chosen verdict, each resolved
     * @param libsDirectory  {@code <dist>.libs}, at the root of the wheel
     * @param previous       the libraries the previous repair grafted, whose digests still hold for unchanged files
     * @throws AuditException when a library cannot be found, or an extension module needs libpython
     */
    public static GraftPlan plan(List<GraftTarget> targets, List<ExternalLibrary> toGraft, String libsDirectory,
            List<GraftedLibrary> previous) throws AuditException, IOException {
        for (GraftTarget target : targets) {
            requireNoLibpython(target);
        }
        Map<Path, Set<String>> sonamesByFile = new LinkedHashMap<>();
        for (ExternalLibrary library : toGraft) {
            Path file = library.path().orElseThrow(() -> new AuditException(library.soname() + ", needed by "
                    + library.neededBy() + ", is not found, so it cannot be grafted into the wheel. Put its"
                    + " directory on LD_LIBRARY_PATH (or have the build script print cargo:rustc-link-search),"
                    + " or exclude it (parameter auditwheelExclude) if the target systems provide it."))
                    .toRealPath();
            sonamesByFile.computeIfAbsent(file, f -> new LinkedHashSet<>()).add(library.soname());
        }
        Map<Path, GraftedLibrary> recorded = new LinkedHashMap<>();
        previous.forEach(library -> recorded.put(library.sourcePath(), library));
        Map<Path, String> newNames = new LinkedHashMap<>();
        Map<Path, SourceDigest> digests = new LinkedHashMap<>();
        Map<String, String> renames = new LinkedHashMap<>();
        for (Map.Entry<Path, Set<String>> entry : sonamesByFile.entrySet()) {
            SourceDigest digest = SourceDigest.of(entry.getKey(), recorded.get(entry.getKey()));
            String newName = graftedName(entry.getKey().getFileName().toString(), digest.sha256());
            digests.put(entry.getKey(), digest);
            newNames.put(entry.getKey(), newName);
            entry.getValue().forEach(soname -> renames.put(soname, newName));
        }
        List<GraftedLibrary> libraries = new ArrayList<>();
        for (Map.Entry<Path, String> entry : newNames.entrySet()) {
            Path file = entry.getKey();
            ElfEdits edits = renamesOf(file, renames).withSoname(entry.getValue());
            DynamicSection dynamic = dynamic(file);
            if (dynamic.needed().stream().anyMatch(renames::containsKey)) {
                edits = edits.withSearchPath(SearchPathEdit.rpath("$ORIGIN"));
            } else if (dynamic.rpath().isPresent() || dynamic.runpath().isPresent()) {
                edits = edits.withSearchPath(SearchPathEdit.remove());
            }
            SourceDigest digest = digests.get(file);
            libraries.add(new GraftedLibrary(List.copyOf(sonamesByFile.get(file)), file,
                    libsDirectory + "/" + entry.getValue(), digest.sha256(), digest.size(), digest.modified(),
                    ElfPatcher.plan(file, edits)));
        }
        Map<Path, Overlay> edits = new LinkedHashMap<>();
        for (GraftTarget target : targets) {
            DynamicSection dynamic = dynamic(target.file());
            if (dynamic.needed().stream().noneMatch(renames::containsKey)) {
                continue; // left as cargo wrote it
            }
            List<String> oldPath = split(dynamic.runpath().or(dynamic::rpath).orElse(""));
            String rpath = searchPath(oldPath, target.wheelDirectory(), libsDirectory);
            Overlay overlay = ElfPatcher.plan(target.file(),
                    renamesOf(target.file(), renames).withSearchPath(SearchPathEdit.rpath(rpath)));
            edits.put(target.file(), overlay);
        }
        return new GraftPlan(libraries, edits);
    }

    /** {@code libfoo.so.1.2} with digest {@code ab12cd34…} → {@code libfoo-ab12cd34.so.1.2}. */
    static String graftedName(String realFileName, String sha256) {
        String hash = sha256.substring(0, HASH_DIGITS);
        int dot = realFileName.indexOf('.');
        return dot < 0 ? realFileName + "-" + hash
                : realFileName.substring(0, dot) + "-" + hash + realFileName.substring(dot);
    }

    /**
     * The RPATH of a file in {@code wheelDirectory}: its old {@code $ORIGIN} entries that stay inside the wheel,
     * then {@code $ORIGIN/<relative path to libsDirectory>}. Absolute entries point into the build machine and go.
     */
    static String searchPath(List<String> oldEntries, String wheelDirectory, String libsDirectory) {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : oldEntries) {
            String rest = entry.startsWith("$ORIGIN") ? entry.substring("$ORIGIN".length())
                    : entry.startsWith("${ORIGIN}") ? entry.substring("${ORIGIN}".length()) : null;
            if (rest != null && (rest.isEmpty() || rest.startsWith("/"))
                    && staysInside(wheelDirectory + rest)) {
                entries.add(entry);
            }
        }
        String relative = relativePath(wheelDirectory, libsDirectory);
        entries.add(relative.isEmpty() ? "$ORIGIN" : "$ORIGIN/" + relative);
        return String.join(":", entries);
    }

    /** The path from directory {@code from} to directory {@code to}, both relative to the wheel's root. */
    static String relativePath(String from, String to) {
        List<String> source = segments(from);
        List<String> target = segments(to);
        int common = 0;
        while (common < source.size() && common < target.size() && source.get(common).equals(target.get(common))) {
            common++;
        }
        List<String> steps = new ArrayList<>();
        for (int i = common; i < source.size(); i++) {
            steps.add("..");
        }
        steps.addAll(target.subList(common, target.size()));
        return String.join("/", steps);
    }

    private static boolean staysInside(String path) {
        int depth = 0;
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (--depth < 0) {
                    return false;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return true;
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> split(String searchPath) {
        return Arrays.stream(searchPath.split(":")).filter(s -> !s.isEmpty()).toList();
    }

    /** The renames that apply to {@code file}; the patcher would ignore the others, but the plan stays readable. */
    private static ElfEdits renamesOf(Path file, Map<String, String> renames) throws IOException {
        ElfEdits edits = ElfEdits.none();
        for (String needed : dynamic(file).needed()) {
            if (renames.containsKey(needed)) {
                edits = edits.replaceNeeded(needed, renames.get(needed));
            }
        }
        return edits;
    }

    private static void requireNoLibpython(GraftTarget target) throws AuditException, IOException {
        if (!target.extensionModule()) {
            return;
        }
        for (String needed : dynamic(target.file()).needed()) {
            if (needed.startsWith("libpython")) {
                throw new AuditException(target.file() + " needs " + needed + ", but an extension module must"
                        + " take the interpreter's symbols from the interpreter that imports it; libpython is never"
                        + " grafted. Build without linking libpython (PyO3: enable the extension-module feature,"
                        + " or drop auto-initialize).");
            }
        }
    }

    private static DynamicSection dynamic(Path file) throws IOException {
        try (ElfFile elf = ElfFile.open(file)) {
            return elf.dynamicSection();
        }
    }
}
