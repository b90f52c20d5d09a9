package dev.rustwheel.binary.elf.symbols;

import dev.rustwheel.binary.elf.DynamicEntry;
import dev.rustwheel.binary.elf.DynamicSection;
import dev.rustwheel.binary.elf.ElfInput;
import dev.rustwheel.binary.elf.LoadSegments;
import dev.rustwheel.binary.elf.StringTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The GNU symbol versioning tables the loader checks, found the loader's way through DT_VERNEED /
 * DT_VERNEEDNUM ({@code .gnu.version_r}) and DT_VERSYM ({@code .gnu.version}). Each Verneed and Vernaux record is
 * read on its own (16 bytes each in both classes), at most once: chains run forward only, and no two needs may
 * share an auxiliary record, so a hostile file cannot make the reader do more work than its size allows (a
 * thousand needs pointing at one table of 65,535 versions would otherwise cost billions of reads).
 */
public final class SymbolVersions {

    private static final int RECORD_SIZE = 16;
    /** versym values 0 and 1 mean "local" and "global, unversioned"; bit 15 only hides the version. */
    private static final int FIRST_VERSION_INDEX = 2;
    private static final int VERSION_INDEX_MASK = 0x7fff;

    private record Need(String library, String version) {
    }

    private final List<VersionRequirement> requirements;
    private final Map<Integer, Need> byIndex;

    private SymbolVersions(List<VersionRequirement> requirements, Map<Integer, Need> byIndex) {
        this.requirements = requirements;
        this.byIndex = byIndex;
    }

    public List<VersionRequirement> requirements() {
        return requirements;
    }

    public static SymbolVersions read(ElfInput input, DynamicSection dynamic, LoadSegments segments) throws IOException {
        if (dynamic.value(DynamicEntry.DT_VERNEED).isEmpty()) {
            return new SymbolVersions(List.of(), Map.of());
        }
        OptionalLong needs = dynamic.value(DynamicEntry.DT_VERNEEDNUM);
        if (needs.isEmpty()) {
            throw input.failure("the dynamic section has DT_VERNEED but no DT_VERNEEDNUM");
        }
        long count = needs.getAsLong();
        if (count < 0 || count > input.size() / RECORD_SIZE) {
            throw input.failure("DT_VERNEEDNUM " + Long.toUnsignedString(count) + " is more version needs than the"
                    + " file (" + input.size() + " bytes) can hold");
        }
        StringTable strings = DynamicSection.dynamicStrings(input, dynamic.entries(), segments);
        List<VersionRequirement> requirements = new ArrayList<>();
        Map<Integer, Need> byIndex = new HashMap<>();
        long offset = segments.fileOffsetOf(dynamic.value(DynamicEntry.DT_VERNEED).getAsLong(), "DT_VERNEED");
        Set<Long> auxSeen = new HashSet<>();
        long recordBudget = input.size() / RECORD_SIZE - count;
        for (long i = 0; i < count; i++) {
            ByteBuffer need = input.read("version need " + i + " (DT_VERNEED)", offset, RECORD_SIZE);
            int version = Short.toUnsignedInt(need.getShort());
            if (version != 1) {
                throw input.failure("version need " + i + " (DT_VERNEED) has vn_version " + version
                        + ", expected 1");
            }
            int auxCount = Short.toUnsignedInt(need.getShort());
            String library = strings.at(Integer.toUnsignedLong(need.getInt()));
            long auxOffset = offset + Integer.toUnsignedLong(need.getInt());
            long next = Integer.toUnsignedLong(need.getInt());
            if (auxCount > recordBudget) {
                throw input.failure("version need " + i + " (" + library + ") declares " + auxCount + " versions,"
                        + " more than the file (" + input.size() + " bytes) holds records beyond those already read");
            }
            recordBudget -= auxCount;
            List<String> versions = new ArrayList<>(auxCount);
            for (int j = 0; j < auxCount; j++) {
                if (!auxSeen.add(auxOffset)) {
                    throw input.failure("version need " + i + " (" + library + ") auxiliary " + j + " at offset 0x"
                            + Long.toHexString(auxOffset) + " was already read: version chains overlap or loop");
                }
                ByteBuffer aux = input.read("version need " + i + " auxiliary " + j + " (" + library + ")",
                        auxOffset, RECORD_SIZE);
                aux.getInt(); // vna_hash: only a lookup accelerator for the loader
                aux.getShort(); // vna_flags: VER_FLG_WEAK changes nothing about what must be present
                int index = Short.toUnsignedInt(aux.getShort()) & VERSION_INDEX_MASK;
                String name = strings.at(Integer.toUnsignedLong(aux.getInt()));
                long auxNext = Integer.toUnsignedLong(aux.getInt());
                versions.add(name);
                byIndex.put(index, new Need(library, name));
                if (auxNext == 0 && j + 1 < auxCount) {
                    throw input.failure("version need " + i + " (" + library + ") declares " + auxCount
                            + " versions but its chain ends after " + (j + 1));
                }
                if (j + 1 < auxCount && auxNext < RECORD_SIZE) {
                    throw input.failure("version need " + i + " (" + library + ") auxiliary " + j + " has vna_next "
                            + auxNext + ", less than the record's own " + RECORD_SIZE + " bytes");
                }
                auxOffset += auxNext;
            }
            requirements.add(new VersionRequirement(library, versions));
            if (next == 0 && i + 1 < count) {
                throw input.failure("DT_VERNEEDNUM is " + count + " but the version need chain ends after "
                        + (i + 1) + " entries");
            }
            if (i + 1 < count && next < RECORD_SIZE) {
                throw input.failure("version need " + i + " (" + library + ") has vn_next " + next
                        + ", less than the record's own " + RECORD_SIZE + " bytes");
            }
            offset += next;
        }
        return new SymbolVersions(List.copyOf(requirements), Map.copyOf(byIndex));
    }

    /** The undefined global and weak symbols, each with the version DT_VERSYM gives it. */
    public List<ImportedSymbol> imports(ElfInput input, DynamicSection dynamic, LoadSegments segments,
            List<ElfSymbol> symbols) throws IOException {
        ByteBuffer versym = null;
        if (dynamic.value(DynamicEntry.DT_VERSYM).isPresent() && !symbols.isEmpty()) {
            versym = input.readTable("symbol version table (DT_VERSYM)",
                    segments.fileOffsetOf(dynamic.value(DynamicEntry.DT_VERSYM).getAsLong(), "DT_VERSYM"),
                    symbols.size(), 2);
        }
        List<ImportedSymbol> imports = new ArrayList<>();
        for (int i = 1; i < symbols.size(); i++) {
            ElfSymbol symbol = symbols.get(i);
            boolean weak = symbol.binding() == ElfSymbol.STB_WEAK;
            if (symbol.sectionIndex() != ElfSymbol.SHN_UNDEF || !(weak || symbol.binding() == ElfSymbol.STB_GLOBAL)) {
                continue;
            }
            int index = versym == null ? 0 : Short.toUnsignedInt(versym.getShort(i * 2)) & VERSION_INDEX_MASK;
            // an index no Vernaux carries would be a Verdef one, which names no other library
            Need need = index >= FIRST_VERSION_INDEX ? byIndex.get(index) : null;
            imports.add(new ImportedSymbol(symbol.name(), need == null ? null : need.version(),
                    need == null ? null : need.library(), weak));
        }
        return List.copyOf(imports);
    }
}
