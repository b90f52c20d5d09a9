package dev.rustwheel.audit.linux;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A needed library and where the search found it.
 *
 * @param soname the DT_NEEDED name
 * @param elf    the file it resolves to, empty when no search directory holds a loadable one
 */
record ResolvedLibrary(String soname, Optional<ElfSummary> elf) {

    Optional<Path> path() {
        return elf.map(ElfSummary::path);
    }
}
