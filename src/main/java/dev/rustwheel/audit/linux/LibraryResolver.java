package dev.rustwheel.audit.linux;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.binary.elf.ElfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the transitive closure of needed libraries without running anything, the way lddtree (and so
 * auditwheel) models the loader. For each file, directories are searched in this order: the top-level file's
 * RPATH, the file's own RPATH (both ignored when the file has a RUNPATH, as the loader ignores them), the file's
 * RUNPATH, {@code LD_LIBRARY_PATH}, cargo's linked paths, the top-level file's RUNPATH (an lddtree approximation),
 * {@code /etc/ld.so.conf}, the default directories, and the interpreter's directory. {@code $ORIGIN} is the
 * directory of the file whose path it is. A candidate counts only if it is ELF of the same class, byte order and
 * machine; anything else the loader would skip, and so does the search. Libraries are keyed by soname across the
 * whole walk, as lddtree does: the first resolution of a name wins.
 */
final class LibraryResolver {

    private final SearchPaths paths;

    LibraryResolver(SearchPaths paths) {
        this.paths = paths;
    }

    /** Every library reachable from {@code topLevel}, by soname, in the order first needed. */
    Map<String, ResolvedLibrary> resolve(List<ElfSummary> topLevel) throws AuditException, IOException {
        Map<String, ResolvedLibrary> libraries = new LinkedHashMap<>();
        for (ElfSummary top : topLevel) {
            Deque<ElfSummary> queue = new ArrayDeque<>();
            queue.add(top);
            while (!queue.isEmpty()) {
                ElfSummary current = queue.poll();
                for (String soname : current.needed()) {
                    if (libraries.containsKey(soname)) {
                        continue;
                    }
                    ResolvedLibrary resolved = new ResolvedLibrary(soname, find(soname, current, top));
                    libraries.put(soname, resolved);
                    if (resolved.elf().isPresent()) {
                        queue.add(resolved.elf().get());
                    }
                }
            }
        }
        return libraries;
    }

    /** The directories searched for the libraries {@code file} needs, {@code top} being the file the walk began at. */
    List<Path> searchOrder(ElfSummary file, ElfSummary top) throws AuditException {
        List<Path> order = new ArrayList<>();
        if (file.runpath().isEmpty()) {
            order.addAll(expand(top.rpath(), top, "DT_RPATH entry"));
            order.addAll(expand(file.rpath(), file, "DT_RPATH entry"));
        }
        order.addAll(expand(file.runpath(), file, "DT_RUNPATH entry"));
        order.addAll(paths.afterOwnPaths());
        order.addAll(expand(top.runpath(), top, "DT_RUNPATH entry"));
        order.addAll(paths.system());
        if (top.interpreter().isPresent()) {
            Path interpreter = FileNames.path(top.interpreter().get(), top.path(), "interpreter (PT_INTERP)");
            if (interpreter.getParent() != null) {
                order.add(interpreter.getParent());
            }
        }
        return order.stream().distinct().toList();
    }

    private Optional<ElfSummary> find(String soname, ElfSummary file, ElfSummary top)
            throws AuditException, IOException {
        if (soname.contains("/")) {
            // a needed path is used as it is, without any search
            return loadable(FileNames.path(soname, file.path(), "DT_NEEDED"), file);
        }
        for (Path directory : searchOrder(file, top)) {
            Optional<ElfSummary> found = loadable(FileNames.resolve(directory, soname, file.path(), "DT_NEEDED"),
                    file);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<ElfSummary> loadable(Path candidate, ElfSummary neededBy) throws IOException {
        if (!Files.isRegularFile(candidate)) {
            return Optional.empty();
        }
        ElfFile elf;
        try {
            elf = ElfFile.open(candidate);
        } catch (IOException notLoadable) {
            return Optional.empty(); // unreadable or not ELF: the loader moves on to the next directory, so do we
        }
        try (elf) {
            return neededBy.canLoad(elf.header()) ? Optional.of(ElfSummary.of(elf)) : Optional.empty();
        }
    }

    /** Absolute directories of a DT_RPATH / DT_RUNPATH list, {@code $ORIGIN} expanded; other tokens cannot be. */
    private static List<Path> expand(List<String> entries, ElfSummary owner, String role) throws AuditException {
        List<Path> directories = new ArrayList<>();
        String origin = owner.origin().toString();
        for (String entry : entries) {
            String expanded = entry.replace("${ORIGIN}", origin).replace("$ORIGIN", origin);
            if (expanded.startsWith("/") && !expanded.contains("$")) {
                directories.add(FileNames.path(expanded, owner.path(), role).normalize());
            }
        }
        return directories;
    }
}
