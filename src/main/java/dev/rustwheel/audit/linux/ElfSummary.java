package dev.rustwheel.audit.linux;

import dev.rustwheel.binary.elf.ElfClass;
import dev.rustwheel.binary.elf.ElfFile;
import dev.rustwheel.binary.elf.ElfFormatException;
import dev.rustwheel.binary.elf.ElfHeader;
import dev.rustwheel.binary.elf.symbols.LibcKind;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the search for one ELF file's libraries needs of it, read once: identity, dependencies and search paths,
 * all from its headers and dynamic section. Its symbols are {@link ElfImports}, read only where the audit counts
 * them: a dependency such as libc has thousands, and the policies' whitelists make most dependencies' symbols
 * irrelevant.
 */
record ElfSummary(Path path, ElfClass elfClass, ByteOrder byteOrder, int machine, Optional<String> architecture,
        LibcKind libc, Optional<String> interpreter, List<String> needed, List<String> rpath, List<String> runpath) {

    static ElfSummary read(Path path) throws ElfFormatException, IOException {
        try (ElfFile elf = ElfFile.open(path)) {
            return of(elf);
        }
    }

    static ElfSummary of(ElfFile elf) throws ElfFormatException, IOException {
        ElfHeader h = elf.header();
        var dynamic = elf.dynamicSection();
        return new ElfSummary(elf.path(), h.elfClass(), h.byteOrder(), h.machine(), elf.architecture(), elf.libc(),
                elf.interpreter(), dynamic.needed(), split(dynamic.rpath()), split(dynamic.runpath()));
    }

    /** Whether the loader would accept {@code header}'s file as a dependency of this one. */
    boolean canLoad(ElfHeader header) {
        return header.elfClass() == elfClass && header.byteOrder().equals(byteOrder) && header.machine() == machine;
    }

    boolean sameTarget(ElfSummary other) {
        return other.elfClass == elfClass && other.byteOrder.equals(byteOrder) && other.machine == machine;
    }

    Path origin() {
        return path.toAbsolutePath().getParent();
    }

    private static List<String> split(Optional<String> searchPath) {
        if (searchPath.isEmpty()) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (String entry : searchPath.get().split(":")) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return List.copyOf(entries);
    }
}
