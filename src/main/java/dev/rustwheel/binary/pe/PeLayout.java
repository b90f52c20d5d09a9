package dev.rustwheel.binary.pe;

import java.util.List;

/**
 * Where a PE image's headers and sections lie: what a patcher must know to add bytes without breaking it.
 *
 * @param optionalHeaderOffset file offset of the optional header
 * @param sectionTableOffset   file offset of the first section header
 * @param sizeOfHeaders        {@code SizeOfHeaders}: the file bytes before the first section
 * @param fileAlignment        {@code FileAlignment}
 * @param sectionAlignment     {@code SectionAlignment}
 * @param imageBase            {@code ImageBase}
 * @param sizeOfImage          {@code SizeOfImage}
 * @param directories          the data directories (RVA, size), as many as the header declares
 * @param sections             the section headers in order
 * @param fileSize             the file's length
 */
public record PeLayout(long optionalHeaderOffset, long sectionTableOffset, long sizeOfHeaders, long fileAlignment,
        long sectionAlignment, long imageBase, long sizeOfImage, List<DataDirectory> directories,
        List<PeSection> sections, long fileSize) {

    public static final int EXPORT = 0;
    public static final int IMPORT = 1;
    public static final int SECURITY = 4;
    public static final int BOUND_IMPORT = 11;
    public static final int DELAY_IMPORT = 13;

    /** Offset of {@code CheckSum} within the optional header, the same for PE32 and PE32+. */
    public static final int CHECKSUM_FIELD = 64;

    public PeLayout {
        directories = List.copyOf(directories);
        sections = List.copyOf(sections);
    }

    /** One data directory entry; {@code fieldOffset} is where the entry itself lies in the file. */
    public record DataDirectory(long rva, long size, long fieldOffset) {
    }

    public DataDirectory directory(int index) {
        return index < directories.size() ? directories.get(index) : new DataDirectory(0, 0, -1);
    }

    /** Where the section data ends: anything after it (symbols, signatures, appended payloads) is trailing data. */
    public long endOfSections() {
        return sections.stream().mapToLong(s -> s.rawSize() == 0 ? 0 : s.rawOffset() + s.rawSize()).max()
                .orElse(sizeOfHeaders);
    }
}
