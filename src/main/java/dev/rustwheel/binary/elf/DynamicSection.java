package dev.rustwheel.binary.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The dynamic section as the loader reads it: found through PT_DYNAMIC rather than section headers (which
 * {@code strip} may remove and which the loader never consults), with its strings read from DT_STRTAB.
 */
public final class DynamicSection {

    static final DynamicSection NONE = new DynamicSection(List.of(), List.of(), null, null, null);

    private final List<DynamicEntry> entries;
    private final List<String> needed;
    private final String soname;
    private final String rpath;
    private final String runpath;

    private DynamicSection(List<DynamicEntry> entries, List<String> needed, String soname, String rpath,
            String runpath) {
        this.entries = entries;
        this.needed = needed;
        this.soname = soname;
        this.rpath = rpath;
        this.runpath = runpath;
    }

    /** The entries up to, not including, the first DT_NULL. */
    public List<DynamicEntry> entries() {
        return entries;
    }

    /** DT_NEEDED names in file order, which is the order the loader searches them. */
    public List<String> needed() {
        return needed;
    }

    public Optional<String> soname() {
        return Optional.ofNullable(soname);
    }

    public Optional<String> rpath() {
        return Optional.ofNullable(rpath);
    }

    public Optional<String> runpath() {
        return Optional.ofNullable(runpath);
    }

    /** The value of the first entry with {@code tag}. */
    public OptionalLong value(long tag) {
        return firstValue(entries, tag);
    }

    private static OptionalLong firstValue(List<DynamicEntry> entries, long tag) {
        for (DynamicEntry entry : entries) {
            if (entry.tag() == tag) {
                return OptionalLong.of(entry.value());
            }
        }
        return OptionalLong.empty();
    }

    static DynamicSection read(ElfInput input, ElfClass elfClass, List<ProgramHeader> programHeaders,
            LoadSegments segments) throws IOException {
        Optional<ProgramHeader> dynamic = ProgramHeader.first(programHeaders, ProgramHeader.PT_DYNAMIC);
        if (dynamic.isEmpty()) {
            return NONE;
        }
        int entrySize = elfClass.dynamicEntrySize();
        ByteBuffer table = input.readTable("dynamic section (PT_DYNAMIC)", dynamic.get().offset(),
                dynamic.get().fileSize() / entrySize, entrySize);
        List<DynamicEntry> entries = new ArrayList<>();
        while (table.hasRemaining()) {
            DynamicEntry entry = DynamicEntry.read(table, elfClass);
            if (entry.tag() == DynamicEntry.DT_NULL) {
                break;
            }
            entries.add(entry);
        }

        List<String> needed = new ArrayList<>();
        String soname = null;
        String rpath = null;
        String runpath = null;
        StringTable strings = null;
        for (DynamicEntry entry : entries) {
            boolean named = entry.tag() == DynamicEntry.DT_NEEDED || entry.tag() == DynamicEntry.DT_SONAME
                    || entry.tag() == DynamicEntry.DT_RPATH || entry.tag() == DynamicEntry.DT_RUNPATH;
            if (!named) {
                continue;
            }
            if (strings == null) {
                strings = dynamicStrings(input, entries, segments);
            }
            String value = strings.name(entry.value(), DynamicEntry.tagName(entry.tag()));
            if (entry.tag() == DynamicEntry.DT_NEEDED) {
                needed.add(value);
            } else if (entry.tag() == DynamicEntry.DT_SONAME && soname == null) {
                soname = value;
            } else if (entry.tag() == DynamicEntry.DT_RPATH && rpath == null) {
                rpath = value;
            } else if (entry.tag() == DynamicEntry.DT_RUNPATH && runpath == null) {
                runpath = value;
            }
        }
        return new DynamicSection(List.copyOf(entries), List.copyOf(needed), soname, rpath, runpath);
    }

    /** The string table DT_STRTAB / DT_STRSZ point at, which also names the dynamic symbols. */
    public static StringTable dynamicStrings(ElfInput input, List<DynamicEntry> entries, LoadSegments segments)
            throws IOException {
        OptionalLong address = firstValue(entries, DynamicEntry.DT_STRTAB);
        if (address.isEmpty()) {
            throw input.failure("the dynamic section names strings but has no DT_STRTAB");
        }
        OptionalLong size = firstValue(entries, DynamicEntry.DT_STRSZ);
        if (size.isEmpty()) {
            throw input.failure("the dynamic section has DT_STRTAB but no DT_STRSZ");
        }
        return StringTable.read(input, "dynamic string table (DT_STRTAB)",
                segments.fileOffsetOf(address.getAsLong(), "DT_STRTAB"), size.getAsLong());
    }
}
