package dev.rustwheel.binary.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the program and section header tables, resolving extended numbering: when a count or the name-table
 * index does not fit the header's 16-bit field, the header holds {@code PN_XNUM} / 0 / {@code SHN_XINDEX} and
 * the real value sits in section header 0 ({@code sh_info}, {@code sh_size}, {@code sh_link}).
 */
record HeaderTables(List<ProgramHeader> programHeaders, List<SectionHeader> sectionHeaders) {

    private static final int PN_XNUM = 0xffff;
    private static final int SHN_UNDEF = 0;
    private static final int SHN_XINDEX = 0xffff;

    static HeaderTables read(ElfInput input, ElfHeader header) throws IOException {
        ElfClass elfClass = header.elfClass();
        long sectionCount = header.sectionHeaderCount();
        long nameTableIndex = header.sectionNameTableIndex();
        long programCount = header.programHeaderCount();

        if (header.sectionHeaderOffset() == 0) {
            if (sectionCount != 0 || programCount == PN_XNUM) {
                throw input.failure("the ELF header gives " + sectionCount + " section headers and "
                        + programCount + " program headers but no section header table (e_shoff is 0)");
            }
            nameTableIndex = SHN_UNDEF;
        } else {
            requireEntrySize(input, "section", header.sectionHeaderEntrySize(), elfClass.sectionHeaderSize());
            SectionHeader first = SectionHeader.read(
                    input.read("section header 0", header.sectionHeaderOffset(), elfClass.sectionHeaderSize()),
                    elfClass);
            if (sectionCount == 0) {
                sectionCount = first.size();
            }
            if (nameTableIndex == SHN_XINDEX) {
                nameTableIndex = Integer.toUnsignedLong(first.link());
            }
            if (programCount == PN_XNUM) {
                programCount = Integer.toUnsignedLong(first.info());
            }
        }

        List<ProgramHeader> programHeaders = new ArrayList<>();
        if (programCount > 0) {
            requireEntrySize(input, "program", header.programHeaderEntrySize(), elfClass.programHeaderSize());
            ByteBuffer table = input.readTable("program header table", header.programHeaderOffset(), programCount,
                    elfClass.programHeaderSize());
            while (table.hasRemaining()) {
                programHeaders.add(ProgramHeader.read(table, elfClass));
            }
        }

        List<SectionHeader> sectionHeaders = new ArrayList<>();
        if (sectionCount != 0) {
            ByteBuffer table = input.readTable("section header table", header.sectionHeaderOffset(), sectionCount,
                    elfClass.sectionHeaderSize());
            while (table.hasRemaining()) {
                sectionHeaders.add(SectionHeader.read(table, elfClass));
            }
        }
        return new HeaderTables(List.copyOf(programHeaders), named(input, sectionHeaders, nameTableIndex));
    }

    private static List<SectionHeader> named(ElfInput input, List<SectionHeader> sections, long nameTableIndex)
            throws IOException {
        if (nameTableIndex == SHN_UNDEF) {
            return List.copyOf(sections);
        }
        if (nameTableIndex >= sections.size()) {
            throw input.failure("section name table index " + nameTableIndex + " is out of range ("
                    + sections.size() + " sections)");
        }
        SectionHeader nameSection = sections.get((int) nameTableIndex);
        if (nameSection.type() != SectionHeader.SHT_STRTAB) {
            throw input.failure("section name table (section " + nameTableIndex + ") has type "
                    + nameSection.type() + ", not SHT_STRTAB");
        }
        StringTable names = StringTable.read(input, "section name table (section " + nameTableIndex + ")",
                nameSection.offset(), nameSection.size());
        List<SectionHeader> result = new ArrayList<>(sections.size());
        for (SectionHeader section : sections) {
            result.add(section.withName(names.at(Integer.toUnsignedLong(section.nameOffset()))));
        }
        return List.copyOf(result);
    }

    private static void requireEntrySize(ElfInput input, String kind, int declared, int expected)
            throws ElfFormatException {
        // Other sizes are legal in theory, but no linker writes them and the patcher relies on the exact layout
        if (declared != expected) {
            throw input.failure(kind + " header entry size is " + declared + " bytes, expected " + expected);
        }
    }
}
