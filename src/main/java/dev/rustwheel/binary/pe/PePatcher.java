package dev.rustwheel.binary.pe;

import dev.rustwheel.overlay.Overlay;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plans the renaming of imported DLLs (ordinary and delay-load) as an overlay, as delvewheel does: the new names
 * go into the slack of read-only data sections where they fit, else into a new section appended after everything
 * (trailing data such as a COFF symbol table stays where it was and valid); the descriptors are repointed; the
 * bound-import directory (stale names) and any Authenticode signature (broken by any edit) are dropped; a
 * non-zero checksum is recomputed. The image is never held whole: the edits are kept by offset and the checksum
 * is streamed through the file.
 */
public final class PePatcher {

    private static final String NEW_SECTION = ".rwhl";
    private static final int SECTION_HEADER = 40;

    private PePatcher() {
    }

    /** @param renames old DLL name (any case) → new name */
    public static Overlay plan(Path path, Map<String, String> renames) throws IOException {
        return plan(path, renames, true);
    }

    /** @param useSlack false forces the new-section path (tests reach it on images with ample slack) */
    static Overlay plan(Path path, Map<String, String> renames, boolean useSlack) throws IOException {
        PeFile pe = PeFile.read(path);
        Map<String, String> byLowerName = new LinkedHashMap<>();
        renames.forEach((old, name) -> byLowerName.put(old.toLowerCase(Locale.ROOT), name));
        List<PeImport> renamed = new ArrayList<>();
        for (PeImport imported : concat(pe.imports(), pe.delayImports())) {
            if (byLowerName.containsKey(imported.dll().toLowerCase(Locale.ROOT))) {
                renamed.add(imported);
            }
        }
        if (renamed.isEmpty()) {
            return Overlay.identity(Files.size(path));
        }
        try (SparseImage edit = new SparseImage(path)) {
            PeLayout layout = pe.layout();
            Map<String, Long> placed = new LinkedHashMap<>();
            List<String> names = renamed.stream().map(i -> byLowerName.get(i.dll().toLowerCase(Locale.ROOT)))
                    .distinct().toList();
            List<String> unplaced = useSlack ? placeInSlack(edit, layout, names, placed) : names;
            byte[] appended = unplaced.isEmpty() ? new byte[0] : newSection(path, edit, layout, unplaced, placed);
            for (PeImport imported : renamed) {
                long rva = placed.get(byLowerName.get(imported.dll().toLowerCase(Locale.ROOT)));
                long value = imported.nameAddressIsVa() ? layout.imageBase() + rva : rva;
                edit.putInt(imported.nameFieldOffset(), (int) value);
            }
            clearDirectory(edit, layout, PeLayout.BOUND_IMPORT);
            clearDirectory(edit, layout, PeLayout.SECURITY);
            if (pe.checksum() != 0) {
                long checksumField = layout.optionalHeaderOffset() + PeLayout.CHECKSUM_FIELD;
                edit.putInt(checksumField, (int) edit.checksum(checksumField, appended)); // the field is not summed
            }
            return edit.overlay(appended);
        }
    }

    /** Next fit over the readable, initialised, non-code sections' slack; returns the names that did not fit. */
    private static List<String> placeInSlack(SparseImage edit, PeLayout layout, List<String> names,
            Map<String, Long> placed) {
        List<PeSection> sections = layout.sections();
        List<String> unplaced = new ArrayList<>();
        long[] used = new long[sections.size()];
        int current = 0;
        for (String name : names) {
            byte[] bytes = cString(name);
            boolean done = false;
            for (int tried = 0; tried < sections.size() && !done; tried++) {
                int i = (current + tried) % sections.size();
                PeSection section = sections.get(i);
                long start = section.virtualSize() + used[i];
                if (eligible(section) && start + bytes.length <= room(layout, i)) {
                    edit.put(section.rawOffset() + start, bytes);
                    placed.put(name, section.virtualAddress() + start);
                    used[i] += bytes.length;
                    current = i;
                    done = true;
                }
            }
            if (!done) {
                unplaced.add(name);
            }
        }
        for (int i = 0; i < sections.size(); i++) {
            if (used[i] > 0) {
                edit.putInt(sections.get(i).headerOffset() + 8, (int) (sections.get(i).virtualSize() + used[i]));
            }
        }
        return unplaced;
    }

    private static boolean eligible(PeSection section) {
        int flags = section.characteristics();
        return (flags & PeSection.CNT_INITIALIZED_DATA) != 0 && (flags & PeSection.MEM_READ) != 0
                && (flags & (PeSection.CNT_CODE | PeSection.MEM_EXECUTE | PeSection.MEM_DISCARDABLE
                        | PeSection.CNT_UNINITIALIZED_DATA)) == 0 && section.virtualSize() != 0;
    }

    /** How far section {@code i}'s contents may extend: its raw data, and not into the next section's memory. */
    private static long room(PeLayout layout, int i) {
        PeSection section = layout.sections().get(i);
        long limit = section.rawSize();
        for (PeSection other : layout.sections()) {
            if (other.virtualAddress() > section.virtualAddress()) {
                limit = Math.min(limit, other.virtualAddress() - section.virtualAddress());
            }
        }
        return limit;
    }

    /** Adds a read-only data section holding {@code names} after the file's last byte; returns the bytes to append. */
    private static byte[] newSection(Path path, SparseImage edit, PeLayout layout, List<String> names,
            Map<String, Long> placed) throws IOException {
        int count = layout.sections().size();
        long header = layout.sectionTableOffset() + (long) count * SECTION_HEADER;
        long firstRaw = layout.sections().stream().filter(s -> s.rawSize() > 0).mapToLong(PeSection::rawOffset).min()
                .orElse(layout.sizeOfHeaders());
        if (header + SECTION_HEADER > Math.min(layout.sizeOfHeaders(), firstRaw)) {
            throw new UnpatchablePeException(path, "the new DLL names fit in no section's slack, and the headers"
                    + " have no room for another section header (" + (Math.min(layout.sizeOfHeaders(), firstRaw)
                    - header) + " of " + SECTION_HEADER + " bytes free). Relink it with shorter import names or a"
                    + " larger header (/ALIGN, --file-alignment), or exclude the library from the repair.");
        }
        ByteArrayOutputStream contents = new ByteArrayOutputStream();
        long virtualAddress = align(layout.sections().stream()
                .mapToLong(s -> s.virtualAddress() + Math.max(s.virtualSize(), s.rawSize())).max()
                .orElse(layout.sizeOfHeaders()), layout.sectionAlignment());
        for (String name : names) {
            placed.put(name, virtualAddress + contents.size());
            contents.writeBytes(cString(name));
        }
        long virtualSize = contents.size();
        long rawOffset = align(layout.fileSize(), layout.fileAlignment());
        long rawSize = align(virtualSize, layout.fileAlignment());
        byte[] appended = new byte[(int) (rawOffset - layout.fileSize() + rawSize)];
        System.arraycopy(contents.toByteArray(), 0, appended, (int) (rawOffset - layout.fileSize()), (int) virtualSize);

        ByteBuffer section = ByteBuffer.allocate(SECTION_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        section.put(NEW_SECTION.getBytes(StandardCharsets.US_ASCII)).position(8);
        section.putInt((int) virtualSize).putInt((int) virtualAddress).putInt((int) rawSize).putInt((int) rawOffset);
        section.putInt(36, PeSection.CNT_INITIALIZED_DATA | PeSection.MEM_READ);
        edit.put(header, section.array());
        long coffHeader = layout.optionalHeaderOffset() - 20;
        edit.putShort(coffHeader + 2, (short) (count + 1));
        long optional = layout.optionalHeaderOffset();
        edit.putInt(optional + 8, edit.getInt(optional + 8) + (int) rawSize); // SizeOfInitializedData
        edit.putInt(optional + 56, (int) align(virtualAddress + virtualSize, layout.sectionAlignment()));
        return appended;
    }

    private static void clearDirectory(SparseImage edit, PeLayout layout, int index) {
        PeLayout.DataDirectory directory = layout.directory(index);
        if (directory.fieldOffset() >= 0 && (directory.rva() != 0 || directory.size() != 0)) {
            edit.putLong(directory.fieldOffset(), 0);
        }
    }

    private static byte[] cString(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        byte[] terminated = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, terminated, 0, bytes.length);
        return terminated;
    }

    private static long align(long value, long alignment) {
        return alignment <= 1 ? value : (value + alignment - 1) / alignment * alignment;
    }

    private static List<PeImport> concat(List<PeImport> a, List<PeImport> b) {
        List<PeImport> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
