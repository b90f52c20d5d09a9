package dev.rustwheel.audit.windows;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.binary.pe.PeFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Audits PE files that ship together, as delvewheel does: the wheel's platform from their machine type, and the
 * DLLs they import (ordinary and delay-load, transitively) that are neither system DLLs nor in the wheel, looked
 * up by name in the library path.
 */
public final class WindowsAuditor {

    private final List<Path> libraryPath;
    private final String libraryPathParameter;
    private final Optional<String> pythonTag;

    /**
     * @param libraryPath          directories searched for DLLs, in order (delvewheel's {@code --add-path}, then
     *                             PATH)
     * @param libraryPathParameter the parameter that sets {@code libraryPath}, with its property, for messages
     * @param pythonTag            the wheel's Python tag ({@code cp312}), which decides the runtime DLLs the
     *                             interpreter brings
     */
    public WindowsAuditor(List<Path> libraryPath, String libraryPathParameter, Optional<String> pythonTag) {
        this.libraryPath = List.copyOf(libraryPath);
        this.libraryPathParameter = libraryPathParameter;
        this.pythonTag = pythonTag;
    }

    /**
     * @param bundled every file of the wheel by lowercase name, for DLLs the wheel already carries
     * @throws dev.rustwheel.binary.pe.PeFormatException when one of {@code files} is not a well-formed image
     */
    public WindowsAuditReport audit(List<Path> files, Map<String, Path> bundled) throws AuditException, IOException {
        if (files.isEmpty()) {
            throw new AuditException("There are no PE files (DLL, .pyd, EXE) to audit.");
        }
        Map<Path, PeFile> read = new HashMap<>();
        for (Path file : files) {
            read.put(file, PeFile.read(file));
        }
        String architecture = commonArchitecture(files, read);
        List<ExternalLibrary> external = new ArrayList<>();
        Set<String> system = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<PeFile> queue = new ArrayDeque<>(files.stream().map(read::get).toList());
        while (!queue.isEmpty()) {
            PeFile current = queue.poll();
            for (String dll : current.neededDlls()) {
                String key = dll.toLowerCase(Locale.ROOT);
                if (WindowsSystemDlls.isSystem(dll, architecture, pythonTag)) {
                    system.add(key);
                } else if (!bundled.containsKey(key) && seen.add(key)) {
                    Optional<Path> found = find(dll);
                    external.add(new ExternalLibrary(dll, found, current.path()));
                    if (found.isPresent()) {
                        PeFile library = PeFile.read(found.get());
                        if (!library.architecture().equals(architecture)) {
                            throw new AuditException(found.get() + " is a " + library.architecture() + " DLL, but "
                                    + current.path() + " is " + architecture + ": put the " + architecture
                                    + " build of " + dll + " first in " + libraryPathParameter + ".");
                        }
                        queue.add(library);
                    }
                }
            }
        }
        return new WindowsAuditReport(files, architecture, platformTag(architecture), external,
                List.copyOf(system));
    }

    /** {@code win_amd64}, {@code win32} or {@code win_arm64}: the tags pip knows for Windows. */
    public static String platformTag(String architecture) {
        return switch (architecture) {
            case "amd64" -> "win_amd64";
            case "x86" -> "win32";
            case "arm64" -> "win_arm64";
            default -> throw new IllegalArgumentException("no Windows wheel tag for " + architecture);
        };
    }

    private static String commonArchitecture(List<Path> files, Map<Path, PeFile> read) throws AuditException {
        Map<String, Path> byArchitecture = new java.util.LinkedHashMap<>();
        files.forEach(f -> byArchitecture.putIfAbsent(read.get(f).architecture(), f));
        if (byArchitecture.size() > 1) {
            throw new AuditException("The files are built for different machines " + byArchitecture
                    + "; a wheel holds one architecture. Build each for the same target.");
        }
        String architecture = byArchitecture.keySet().iterator().next();
        if (!Set.of("amd64", "x86", "arm64").contains(architecture)) {
            throw new AuditException(files.get(0) + " is built for " + architecture + ", which no Windows wheel tag"
                    + " names (win_amd64, win32, win_arm64).");
        }
        return architecture;
    }

    /** The DLL in the first library-path directory holding it, matched case-insensitively as Windows does. */
    private Optional<Path> find(String dll) throws IOException {
        for (Path directory : libraryPath) {
            Path exact = directory.resolve(dll);
            if (Files.isRegularFile(exact)) {
                return Optional.of(exact);
            }
            if (Files.isDirectory(directory)) {
                try (var list = Files.list(directory)) {
                    Optional<Path> match = list.filter(p -> p.getFileName().toString().equalsIgnoreCase(dll))
                            .filter(Files::isRegularFile).findFirst();
                    if (match.isPresent()) {
                        return match;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
