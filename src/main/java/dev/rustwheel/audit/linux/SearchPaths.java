package dev.rustwheel.audit.linux;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where libraries are looked for besides each file's own RPATH/RUNPATH, in the loader's order.
 *
 * @param ldLibraryPath  {@code LD_LIBRARY_PATH} of the build
 * @param linkedPaths    the directories cargo build scripts linked against, which are where their libraries are
 * @param confPaths      the directories of {@code /etc/ld.so.conf} and its includes
 * @param defaultPaths   the loader's built-in directories
 */
public record SearchPaths(List<Path> ldLibraryPath, List<Path> linkedPaths, List<Path> confPaths,
        List<Path> defaultPaths) {

    private static final List<String> DEFAULT_DIRECTORIES = List.of("/lib", "/lib64", "/usr/lib", "/usr/lib64");

    public SearchPaths {
        ldLibraryPath = List.copyOf(ldLibraryPath);
        linkedPaths = List.copyOf(linkedPaths);
        confPaths = List.copyOf(confPaths);
        defaultPaths = List.copyOf(defaultPaths);
    }

    /** This system's paths: {@code /etc/ld.so.conf} and the default directories under {@code root} (usually /). */
    public static SearchPaths of(Path root, String ldLibraryPath, List<Path> linkedPaths) throws IOException {
        List<Path> defaults = new ArrayList<>();
        for (String directory : DEFAULT_DIRECTORIES) {
            defaults.add(LdSoConf.under(root, directory));
        }
        return new SearchPaths(parse(ldLibraryPath), linkedPaths, LdSoConf.read(root, "/etc/ld.so.conf"), defaults);
    }

    /** Everything after the files' own paths, as one list. */
    List<Path> afterOwnPaths() {
        List<Path> all = new ArrayList<>(ldLibraryPath);
        all.addAll(linkedPaths);
        return all;
    }

    List<Path> system() {
        List<Path> all = new ArrayList<>(confPaths);
        all.addAll(defaultPaths);
        return all;
    }

    private static List<Path> parse(String ldLibraryPath) {
        if (ldLibraryPath == null) {
            return List.of();
        }
        List<Path> directories = new ArrayList<>();
        for (String entry : LdSoConf.words(ldLibraryPath, ":;")) {
            if (entry.startsWith("/")) {
                directories.add(Path.of(entry));
            }
        }
        return directories;
    }
}
