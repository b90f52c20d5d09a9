package dev.rustwheel.binary.elf.patch;

import dev.rustwheel.binary.elf.DynamicEntry;
import dev.rustwheel.binary.elf.DynamicSection;
import dev.rustwheel.binary.elf.ElfClass;
import dev.rustwheel.binary.elf.ElfFile;
import dev.rustwheel.binary.elf.ElfFormatException;
import dev.rustwheel.binary.elf.ElfHeader;
import dev.rustwheel.binary.elf.ElfInput;
import dev.rustwheel.binary.elf.ElfType;
import dev.rustwheel.binary.elf.ProgramHeader;
import dev.rustwheel.binary.elf.SectionHeader;
import dev.rustwheel.binary.elf.StringTable;
import dev.rustwheel.overlay.Overlay;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans the edits of one shared library or executable (ET_DYN or ET_EXEC, either class and byte order) as an
 * {@link Overlay}; the file itself is only read.
 *
 * <p>Edits that need no new bytes (removing a search path, a new name already in .dynstr, room left by spare
 * DT_NULL slots) rewrite .dynamic in place. Everything else goes into one region appended to the file and
 * mapped by one new PT_LOAD: the program header table (one entry longer), .dynamic if it must grow, and a
 * .dynstr made of the old one plus the new strings. The region's address is congruent to its file offset
 * modulo the alignment, which is all the loader needs, so a library costs no page padding. An executable's region
 * is placed where kernels before 5.18 (and qemu-user) look for the program header table: they compute
 * {@code AT_PHDR} as the first PT_LOAD's {@code p_vaddr - p_offset + e_phoff}, not from PT_PHDR, so the region's
 * address minus its offset must equal the first PT_LOAD's; the file is padded up to the first free page to get
 * there (as far as the largest page the architecture may use). Everything that points at
 * what moved follows: e_phoff/e_phnum, PT_PHDR, PT_DYNAMIC, DT_STRTAB/DT_STRSZ, the .dynstr and .dynamic section
 * headers, and .gnu.version_r's library names.
 */
public final class ElfPatcher {

    private static final int PT_PHDR = 6;
    private static final int PF_W = 2;
    private static final int PF_R = 4;
    private static final int SHT_DYNAMIC = 6;
    private static final long SHF_ALLOC = 2;
    /** The last value e_phnum can hold before extended numbering, which this patcher does not write. */
    private static final int MAX_PROGRAM_HEADERS = 0xfffe;
    private static final long REGION_ALIGNMENT = 8;
    /**
     * The most zero bytes an executable's file may grow by to put its program headers where old kernels look:
     * beyond that its zero-initialised data is so large that the padding would dwarf the file.
     */
    private static final long MAX_EXECUTABLE_PADDING = 16L << 20;

    private final ElfFile elf;
    private final ElfInput input;
    private final ElfHeader header;
    private final ElfClass elfClass;
    private final ElfEncoder encoder;
    private final List<NamedOverwrite> overwrites = new ArrayList<>();

    /** An overwrite and the structure it rewrites, to name both when two of them would collide. */
    private record NamedOverwrite(String what, Overlay.Overwrite overwrite) {
        long start() {
            return overwrite.offset();
        }

        long end() {
            return overwrite.offset() + overwrite.bytes().length;
        }
    }

    private ElfPatcher(ElfFile elf) {
        this.elf = elf;
        this.input = elf.input();
        this.header = elf.header();
        this.elfClass = header.elfClass();
        this.encoder = new ElfEncoder(elfClass, header.byteOrder());
    }

    /**
     * @throws ElfFormatException      when the file is not well-formed ELF
     * @throws UnpatchableElfException when the file is ELF that this patcher must not or cannot edit
     */
    public static Overlay plan(Path file, ElfEdits edits) throws IOException {
        try (ElfFile elf = ElfFile.open(file)) {
            return new ElfPatcher(elf).plan(edits);
        }
    }

    private Overlay plan(ElfEdits edits) throws IOException {
        requirePatchableType();
        requireSoundSegments();
        // the patcher refuses whatever the reader refuses: the audit and the repair see the same file
        elf.importedSymbols();
        elf.interpreter();
        if (edits.changesNothing()) {
            return Overlay.identity(input.size());
        }
        ProgramHeader dynamicSegment = elf.programHeaders().stream()
                .filter(p -> p.type() == ProgramHeader.PT_DYNAMIC).findFirst()
                .orElseThrow(() -> unpatchable("it has no dynamic section (no PT_DYNAMIC): it is statically"
                        + " linked and names no libraries or search path to rewrite"));
        DynamicSection dynamic = elf.dynamicSection();
        int slots = Math.toIntExact(dynamicSegment.fileSize() / elfClass.dynamicEntrySize());
        if (dynamic.entries().size() >= slots) {
            throw input.failure("dynamic section (PT_DYNAMIC) has no DT_NULL among its " + slots + " entries");
        }
        StringTable oldNames = DynamicSection.dynamicStrings(input, dynamic.entries(), elf.loadSegments());
        long stringsAddress = dynamic.value(DynamicEntry.DT_STRTAB).getAsLong();
        long stringsOffset = elf.loadSegments().fileOffsetOf(stringsAddress, "DT_STRTAB");
        ByteBuffer oldStrings = input.read("dynamic string table (DT_STRTAB)", stringsOffset,
                dynamic.value(DynamicEntry.DT_STRSZ).getAsLong());
        DynamicStringPool pool = new DynamicStringPool(bytesOf(oldStrings));

        List<DynamicEntry> entries = editedEntries(dynamic.entries(), edits, oldNames, pool);
        for (VersionNeedFiles.NeededFile file
                : VersionNeedFiles.read(input, dynamic, elf.loadSegments(), oldNames)) {
            String replacement = edits.neededReplacements().get(file.name());
            if (replacement != null) {
                ByteBuffer field = encoder.allocate(4).putInt((int) pool.offsetOf(replacement));
                overwrite("version need file name (vn_file of " + file.name() + ")", file.fieldOffset(),
                        field.array());
            }
        }

        boolean dynamicFits = entries.size() < slots;
        if (!pool.grew() && dynamicFits) {
            if (!entries.equals(dynamic.entries())) {
                overwriteDynamicInPlace(dynamicSegment, entries, slots);
            }
            return overlay(new byte[0]);
        }
        return appendRegion(dynamicSegment, entries, slots, dynamicFits, pool, stringsAddress);
    }

    private void requirePatchableType() throws UnpatchableElfException {
        if (header.type() != ElfType.SHARED_OBJECT && header.type() != ElfType.EXECUTABLE) {
            throw unpatchable("it is not a shared library or an executable (e_type is " + header.type()
                    + ", expected ET_DYN or ET_EXEC)");
        }
    }

    /**
     * What the reader tolerates because it only reads, but a patch would build on: a PT_LOAD whose file part is
     * larger than its memory image (the loader maps only p_memsz, so strings moved there would vanish) or that
     * reaches past the end of the file.
     */
    private void requireSoundSegments() throws IOException {
        List<ProgramHeader> phdrs = elf.programHeaders();
        for (int i = 0; i < phdrs.size(); i++) {
            ProgramHeader p = phdrs.get(i);
            if (p.type() != ProgramHeader.PT_LOAD) {
                continue;
            }
            String segment = "program header " + i + " (PT_LOAD at offset 0x" + Long.toHexString(p.offset())
                    + ", address 0x" + Long.toHexString(p.virtualAddress()) + ")";
            if (Long.compareUnsigned(p.fileSize(), p.memorySize()) > 0) {
                throw unpatchable(segment + " has p_filesz 0x" + Long.toHexString(p.fileSize())
                        + " larger than p_memsz 0x" + Long.toHexString(p.memorySize()) + ": the loader would map"
                        + " less than the file holds, so no edit of it can be trusted; rebuild the file");
            }
            if (Long.compareUnsigned(p.offset(), input.size()) > 0
                    || Long.compareUnsigned(p.fileSize(), input.size() - p.offset()) > 0) {
                throw input.failure(segment + " with p_filesz 0x" + Long.toHexString(p.fileSize())
                        + " ends past the end of the file (" + input.size() + " bytes)");
            }
        }
    }

    /**
     * The dynamic entries after the edits, DT_NULL excluded. Rewritten entries keep their place; a new DT_SONAME
     * or search path goes after the DT_NEEDED entries, where linkers put them.
     */
    private static List<DynamicEntry> editedEntries(List<DynamicEntry> old, ElfEdits edits, StringTable names,
            DynamicStringPool pool) throws ElfFormatException {
        Map<String, String> replacements = edits.neededReplacements();
        List<DynamicEntry> result = new ArrayList<>();
        int insertAt = 0;
        int searchPathAt = -1;
        boolean hasSoname = false;
        for (DynamicEntry entry : old) {
            long tag = entry.tag();
            if (tag == DynamicEntry.DT_NEEDED && replacements.containsKey(names.at(entry.value()))) {
                result.add(new DynamicEntry(tag, pool.offsetOf(replacements.get(names.at(entry.value())))));
            } else if (tag == DynamicEntry.DT_SONAME && edits.soname() != null) {
                hasSoname = true;
                result.add(new DynamicEntry(tag, pool.offsetOf(edits.soname())));
            } else if ((tag == DynamicEntry.DT_RPATH || tag == DynamicEntry.DT_RUNPATH)
                    && edits.searchPath() != null) {
                searchPathAt = searchPathAt < 0 ? result.size() : searchPathAt;
                continue;
            } else {
                result.add(entry);
            }
            if (tag == DynamicEntry.DT_NEEDED || tag == DynamicEntry.DT_SONAME) {
                insertAt = result.size();
            }
        }
        if (edits.soname() != null && !hasSoname) {
            result.add(insertAt, new DynamicEntry(DynamicEntry.DT_SONAME, pool.offsetOf(edits.soname())));
            searchPathAt = searchPathAt >= insertAt ? searchPathAt + 1 : searchPathAt;
            insertAt++;
        }
        SearchPathEdit searchPath = edits.searchPath();
        if (searchPath != null && searchPath.kind() != SearchPathEdit.Kind.REMOVE) {
            result.add(searchPathAt < 0 ? insertAt : searchPathAt,
                    new DynamicEntry(searchPath.tag(), pool.offsetOf(searchPath.value())));
        }
        return result;
    }

    private void overwriteDynamicInPlace(ProgramHeader dynamicSegment, List<DynamicEntry> entries, int slots) {
        overwrite("dynamic section (PT_DYNAMIC)", dynamicSegment.offset(), dynamicTable(entries, slots));
    }

    /** {@code entries}, then DT_NULL up to {@code slots} entries: the loader stops at the first DT_NULL. */
    private byte[] dynamicTable(List<DynamicEntry> entries, int slots) {
        ByteBuffer table = encoder.allocate((long) slots * elfClass.dynamicEntrySize());
        entries.forEach(e -> encoder.putDynamicEntry(table, e));
        return table.array();
    }

    private Overlay appendRegion(ProgramHeader dynamicSegment, List<DynamicEntry> entries, int slots,
            boolean dynamicFits, DynamicStringPool pool, long oldStringsAddress) throws IOException {
        List<ProgramHeader> phdrs = elf.programHeaders();
        if (phdrs.size() + 1 > MAX_PROGRAM_HEADERS) {
            throw unpatchable("it already has " + phdrs.size() + " program headers, the most e_phnum can count");
        }
        long fileSize = input.size();
        long tableSize = (long) (phdrs.size() + 1) * elfClass.programHeaderSize();
        int newSlots = dynamicFits ? slots : entries.size() + 1;
        long dynamicSize = dynamicFits ? 0 : (long) newSlots * elfClass.dynamicEntrySize();
        long stringsSize = pool.grew() ? pool.size() : 0;
        // program headers are 8-byte multiples in both classes, so .dynamic and .dynstr stay aligned after them
        long regionSize = tableSize + dynamicSize + stringsSize;

        List<ProgramHeader> loads = phdrs.stream().filter(p -> p.type() == ProgramHeader.PT_LOAD).toList();
        if (loads.isEmpty()) {
            throw input.failure("it has a dynamic section but no PT_LOAD segment to map it");
        }
        long alignment = PageSizes.maximumFor(header.machine());
        long addressEnd = 0;
        for (ProgramHeader load : loads) {
            if (Long.bitCount(load.alignment()) == 1) {
                alignment = Math.max(alignment, load.alignment());
            }
            addressEnd = Math.max(addressEnd, load.virtualAddress() + load.memorySize());
        }
        long addressLimit = elfClass == ElfClass.ELF32 ? 0xffff_ffffL : Long.MAX_VALUE;
        if (addressEnd < 0 || addressEnd > addressLimit - alignment - regionSize) {
            throw noAddressLeft(addressEnd, regionSize);
        }
        long firstFreePage = alignUp(addressEnd, alignment);
        long regionOffset;
        long regionAddress;
        if (isExecutable(phdrs)) {
            long firstLoadShift = executableShift(loads.get(0), alignment);
            regionOffset = Math.max(alignUp(fileSize, REGION_ALIGNMENT), firstFreePage - firstLoadShift);
            if (regionOffset - fileSize > MAX_EXECUTABLE_PADDING) {
                throw unpatchable("its segments end at 0x" + Long.toHexString(addressEnd) + " in memory, "
                        + (regionOffset - fileSize) + " bytes past the end of the file (large zero-initialised"
                        + " data); kernels before 5.18 look for the program header table at the first PT_LOAD's"
                        + " base plus e_phoff, so the new table would need that much padding. Shrink the"
                        + " zero-initialised statics (allocate them at run time) or exclude the file from the repair");
            }
            regionAddress = regionOffset + firstLoadShift;
        } else {
            regionOffset = alignUp(fileSize, REGION_ALIGNMENT);
            regionAddress = firstFreePage + regionOffset % alignment;
        }
        if (regionAddress < firstFreePage || regionAddress > addressLimit - regionSize) {
            throw noAddressLeft(addressEnd, regionSize);
        }
        long dynamicOffset = regionOffset + tableSize;
        long stringsOffset = dynamicOffset + dynamicSize;
        long shift = regionAddress - regionOffset;

        if (pool.grew()) {
            entries = replaceValue(entries, DynamicEntry.DT_STRTAB, stringsOffset + shift);
            entries = replaceValue(entries, DynamicEntry.DT_STRSZ, stringsSize);
        }
        // The new segment is writable only where .dynamic moved into it: the loader writes DT_DEBUG there
        int flags = dynamicFits ? PF_R : PF_R | PF_W;
        ProgramHeader newLoad = new ProgramHeader(ProgramHeader.PT_LOAD, flags, regionOffset, regionAddress,
                regionAddress, regionSize, regionSize, alignment);
        List<ProgramHeader> table = new ArrayList<>();
        for (ProgramHeader p : phdrs) {
            if (p.type() == PT_PHDR) {
                p = new ProgramHeader(PT_PHDR, p.flags(), regionOffset, regionAddress, regionAddress, tableSize,
                        tableSize, p.alignment());
            } else if (p.type() == ProgramHeader.PT_DYNAMIC && !dynamicFits) {
                p = new ProgramHeader(p.type(), p.flags(), dynamicOffset, dynamicOffset + shift,
                        dynamicOffset + shift, dynamicSize, dynamicSize, p.alignment());
            }
            table.add(p);
            if (p == loads.get(loads.size() - 1)) {
                table.add(newLoad); // right after the last PT_LOAD: the loader wants them sorted by address
            }
        }
        ByteBuffer region = encoder.allocate(regionOffset - fileSize + regionSize);
        region.position((int) (regionOffset - fileSize));
        table.forEach(p -> encoder.putProgramHeader(region, p));
        if (dynamicFits) {
            overwriteDynamicInPlace(dynamicSegment, entries, slots);
        } else {
            region.put(dynamicTable(entries, newSlots));
        }
        if (pool.grew()) {
            region.put(pool.bytes());
        }

        overwriteHeader(regionOffset, table.size());
        if (pool.grew()) {
            overwriteSection(SectionHeader.SHT_STRTAB, oldStringsAddress, stringsOffset + shift, stringsOffset,
                    stringsSize);
        }
        if (!dynamicFits) {
            overwriteSection(SHT_DYNAMIC, dynamicSegment.virtualAddress(), dynamicOffset + shift, dynamicOffset,
                    dynamicSize);
        }
        return overlay(region.array());
    }

    private void overwriteHeader(long programHeaderOffset, int programHeaderCount) throws IOException {
        ByteBuffer bytes = input.read(elfClass + " header", 0, elfClass.headerSize());
        boolean wide = elfClass == ElfClass.ELF64;
        encoder.putWord(bytes, wide ? 0x20 : 0x1c, programHeaderOffset); // e_phoff
        bytes.putShort(wide ? 0x38 : 0x2c, (short) programHeaderCount); // e_phnum
        overwrite(elfClass + " header", 0, bytesOf(bytes));
    }

    /**
     * Points the allocated section of {@code type} at {@code oldAddress} to its new place, so that tools reading
     * sections (readelf, strip, debuggers) agree with the loader. Files without section headers need nothing.
     */
    private void overwriteSection(int type, long oldAddress, long address, long offset, long size)
            throws IOException {
        List<SectionHeader> sections = elf.sectionHeaders();
        for (int i = 0; i < sections.size(); i++) {
            SectionHeader s = sections.get(i);
            if (s.type() == type && s.address() == oldAddress && (s.flags() & SHF_ALLOC) != 0) {
                long at = header.sectionHeaderOffset() + (long) i * elfClass.sectionHeaderSize();
                ByteBuffer entry = input.read("section header " + i, at, elfClass.sectionHeaderSize());
                int word = elfClass.wordSize();
                encoder.putWord(entry, 8 + word, address); // sh_addr, after sh_name, sh_type, sh_flags
                encoder.putWord(entry, 8 + 2 * word, offset); // sh_offset
                encoder.putWord(entry, 8 + 3 * word, size); // sh_size
                overwrite("section header " + i + " (" + s.name() + ")", at, bytesOf(entry));
                return;
            }
        }
    }

    private void overwrite(String what, long offset, byte[] bytes) {
        overwrites.add(new NamedOverwrite(what, new Overlay.Overwrite(offset, bytes)));
    }

    /**
     * The overlay, once no two rewritten structures share a byte: in a well-formed file they never do, and
     * where they do (a DT_VERNEED pointing into .dynamic) one edit would undo the other.
     */
    private Overlay overlay(byte[] appended) throws UnpatchableElfException {
        List<NamedOverwrite> sorted = new ArrayList<>(overwrites);
        sorted.sort(java.util.Comparator.comparingLong(NamedOverwrite::start));
        for (int i = 1; i < sorted.size(); i++) {
            NamedOverwrite before = sorted.get(i - 1);
            NamedOverwrite after = sorted.get(i);
            if (after.start() < before.end()) {
                throw unpatchable("its " + before.what() + " (offset 0x" + Long.toHexString(before.start()) + ", "
                        + (before.end() - before.start()) + " bytes) and its " + after.what() + " (offset 0x"
                        + Long.toHexString(after.start()) + ") overlap, so editing one would corrupt the other;"
                        + " no linker lays a file out so: rebuild it");
            }
        }
        return Overlay.of(input.size(), sorted.stream().map(NamedOverwrite::overwrite).toList(), appended);
    }

    private static List<DynamicEntry> replaceValue(List<DynamicEntry> entries, long tag, long value) {
        return entries.stream().map(e -> e.tag() == tag ? new DynamicEntry(tag, value) : e).toList();
    }

    /**
     * Whether a kernel may start the file: ET_EXEC, or ET_DYN with an interpreter (PIE). Only then does the
     * kernel's idea of where the program headers are mapped matter.
     */
    private boolean isExecutable(List<ProgramHeader> phdrs) {
        return header.type() == ElfType.EXECUTABLE
                || phdrs.stream().anyMatch(p -> p.type() == ProgramHeader.PT_INTERP);
    }

    /**
     * The first PT_LOAD's {@code p_vaddr - p_offset}, which the appended region must share so that old kernels'
     * {@code AT_PHDR} lands on the new table; a PIE's is 0, an x86-64 ET_EXEC's usually 0x400000.
     */
    private long executableShift(ProgramHeader firstLoad, long alignment) throws UnpatchableElfException {
        long shift = firstLoad.virtualAddress() - firstLoad.offset();
        if (shift < 0 || shift % alignment != 0) {
            throw unpatchable("its first PT_LOAD maps offset 0x" + Long.toHexString(firstLoad.offset())
                    + " at address 0x" + Long.toHexString(firstLoad.virtualAddress()) + ", a distance that is not"
                    + " a multiple of the " + alignment + "-byte page, so no new segment can be mapped where"
                    + " kernels before 5.18 look for the program header table");
        }
        return shift;
    }

    private UnpatchableElfException noAddressLeft(long addressEnd, long regionSize) {
        return unpatchable("no address is left above its segments (they end at 0x"
                + Long.toHexString(addressEnd) + ") for the " + regionSize + " bytes the edits need");
    }

    private UnpatchableElfException unpatchable(String problem) {
        return new UnpatchableElfException(input.path(), problem);
    }

    private static long alignUp(long value, long alignment) {
        return (value + alignment - 1) & -alignment;
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
