package dev.rustwheel.binary.elf.symbols;

import dev.rustwheel.binary.elf.DynamicEntry;
import dev.rustwheel.binary.elf.DynamicSection;
import dev.rustwheel.binary.elf.ElfClass;
import dev.rustwheel.binary.elf.ElfFormatException;
import dev.rustwheel.binary.elf.ElfInput;
import dev.rustwheel.binary.elf.LoadSegments;
import dev.rustwheel.binary.elf.SectionHeader;
import dev.rustwheel.binary.elf.StringTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the dynamic symbol table. The SHT_DYNSYM section header gives its exact extent and string table; a file
 * without section headers (sstrip'd, or hand-made) is read the loader's way instead, through DT_SYMTAB and
 * DT_STRTAB, with the count taken from the symbol hash table.
 */
public final class DynamicSymbolReader {

    private DynamicSymbolReader() {
    }

    public static List<ElfSymbol> read(ElfInput input, ElfClass elfClass, List<SectionHeader> sections,
            DynamicSection dynamic, LoadSegments segments) throws IOException {
        for (SectionHeader section : sections) {
            if (section.type() == SectionHeader.SHT_DYNSYM) {
                return fromSection(input, elfClass, sections, section);
            }
        }
        if (dynamic.value(DynamicEntry.DT_SYMTAB).isPresent()) {
            return fromDynamicSection(input, elfClass, dynamic, segments);
        }
        return List.of();
    }

    private static List<ElfSymbol> fromSection(ElfInput input, ElfClass elfClass, List<SectionHeader> sections,
            SectionHeader dynsym) throws IOException {
        int symbolSize = elfClass.symbolSize();
        if (dynsym.entrySize() != symbolSize) {
            throw input.failure(dynsym.name() + " (SHT_DYNSYM) has entry size " + Long.toUnsignedString(dynsym.entrySize())
                    + ", expected " + symbolSize);
        }
        if (Long.remainderUnsigned(dynsym.size(), symbolSize) != 0) {
            throw input.failure(dynsym.name() + " (SHT_DYNSYM) size " + Long.toUnsignedString(dynsym.size())
                    + " is not a multiple of its entry size " + symbolSize);
        }
        long link = Integer.toUnsignedLong(dynsym.link());
        if (link >= sections.size() || sections.get((int) link).type() != SectionHeader.SHT_STRTAB) {
            throw input.failure(dynsym.name() + " (SHT_DYNSYM) links to section " + link
                    + ", which is not a string table (" + sections.size() + " sections)");
        }
        SectionHeader strtab = sections.get((int) link);
        StringTable names = StringTable.read(input, strtab.name() + " (section " + link + ")", strtab.offset(),
                strtab.size());
        ByteBuffer table = input.readTable(dynsym.name() + " (SHT_DYNSYM)", dynsym.offset(),
                Long.divideUnsigned(dynsym.size(), symbolSize), symbolSize);
        return decode(table, elfClass, names);
    }

    private static List<ElfSymbol> fromDynamicSection(ElfInput input, ElfClass elfClass, DynamicSection dynamic,
            LoadSegments segments) throws IOException {
        int symbolSize = elfClass.symbolSize();
        long declaredSize = dynamic.value(DynamicEntry.DT_SYMENT).orElse(symbolSize);
        if (declaredSize != symbolSize) {
            throw input.failure("DT_SYMENT is " + Long.toUnsignedString(declaredSize) + ", expected " + symbolSize);
        }
        long count;
        if (dynamic.value(DynamicEntry.DT_HASH).isPresent()) {
            count = DynamicSymbolCount.fromSysvHash(input,
                    segments.fileOffsetOf(dynamic.value(DynamicEntry.DT_HASH).getAsLong(), "DT_HASH"));
        } else if (dynamic.value(DynamicEntry.DT_GNU_HASH).isPresent()) {
            count = DynamicSymbolCount.fromGnuHash(input, elfClass,
                    segments.fileOffsetOf(dynamic.value(DynamicEntry.DT_GNU_HASH).getAsLong(), "DT_GNU_HASH"));
        } else {
            throw input.failure("there are no section headers and no DT_HASH or DT_GNU_HASH, so the number of "
                    + "dynamic symbols is unknown");
        }
        StringTable names = DynamicSection.dynamicStrings(input, dynamic.entries(), segments);
        ByteBuffer table = input.readTable("dynamic symbol table (DT_SYMTAB)",
                segments.fileOffsetOf(dynamic.value(DynamicEntry.DT_SYMTAB).getAsLong(), "DT_SYMTAB"),
                count, symbolSize);
        return decode(table, elfClass, names);
    }

    private static List<ElfSymbol> decode(ByteBuffer table, ElfClass elfClass, StringTable names)
            throws ElfFormatException {
        List<ElfSymbol> symbols = new ArrayList<>(table.remaining() / elfClass.symbolSize());
        while (table.hasRemaining()) {
            symbols.add(ElfSymbol.read(table, elfClass, names));
        }
        return List.copyOf(symbols);
    }
}
