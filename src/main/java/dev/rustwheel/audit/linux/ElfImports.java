package dev.rustwheel.audit.linux;

import dev.rustwheel.binary.elf.ElfFile;
import dev.rustwheel.binary.elf.ElfFormatException;
import dev.rustwheel.binary.elf.symbols.ImportedSymbol;
import dev.rustwheel.binary.elf.symbols.VersionRequirement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The symbol versions one ELF file requires and the symbols it imports, from its version sections and dynamic
 * symbol table.
 */
record ElfImports(List<VersionRequirement> versionRequirements, List<ImportedSymbol> imports) {

    static ElfImports read(Path path) throws ElfFormatException, IOException {
        try (ElfFile elf = ElfFile.open(path)) {
            return of(elf);
        }
    }

    static ElfImports of(ElfFile elf) throws ElfFormatException, IOException {
        return new ElfImports(elf.versionRequirements(), elf.importedSymbols());
    }
}
