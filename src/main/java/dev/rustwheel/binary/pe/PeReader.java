package dev.rustwheel.binary.pe;

import dev.rustwheel.binary.BinaryInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a PE image's headers, sections, import and delay-load directories and export name, checking each extent. */
final class PeReader {

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final int PE32 = 0x10b;
    private static final int PE32_PLUS = 0x20b;
    private static final int IMPORT_DESCRIPTOR = 20;
    private static final int DELAY_DESCRIPTOR = 32;
    /** Windows loads at most 96 sections; the format allows 65535, but no linker writes more than a few dozen. */
    private static final int MAX_SECTIONS = 96;

    private final BinaryInput in;
    private PeLayout layout;

    private PeReader(BinaryInput in) {
        this.in = in;
    }

    static PeFile read(BinaryInput in) throws IOException {
        return new PeReader(in).read();
    }

    /** Whether the export directory's name table holds {@code symbol}. */
    static boolean exports(BinaryInput in, String symbol) throws IOException {
        PeReader reader = new PeReader(in);
        reader.read();
        return reader.exportedNames().contains(symbol);
    }

    private PeFile read() throws IOException {
        ByteBuffer dos = in.read("DOS header", 0, 64, LE);
        if (dos.get(0) != 'M' || dos.get(1) != 'Z') {
            throw in.failure("no DOS header (the file does not start with MZ)");
        }
        long peOffset = Integer.toUnsignedLong(dos.getInt(0x3c));
        ByteBuffer coff = in.read("PE signature and COFF header", peOffset, 24, LE);
        if (coff.getInt(0) != 0x00004550) {
            throw in.failure("no PE signature at offset 0x" + Long.toHexString(peOffset) + " (e_lfanew)");
        }
        int machine = Short.toUnsignedInt(coff.getShort(4));
        int sectionCount = Short.toUnsignedInt(coff.getShort(6));
        int optionalSize = Short.toUnsignedInt(coff.getShort(20));
        if (sectionCount > MAX_SECTIONS) {
            throw in.failure(sectionCount + " sections, more than the " + MAX_SECTIONS + " Windows loads");
        }
        long optionalOffset = peOffset + 24;
        ByteBuffer optional = in.read("optional header", optionalOffset, optionalSize, LE);
        if (optionalSize < 2) {
            throw in.failure("optional header has " + optionalSize + " bytes; an image needs one");
        }
        int magic = Short.toUnsignedInt(optional.getShort(0));
        if (magic != PE32 && magic != PE32_PLUS) {
            throw in.failure("optional header magic 0x" + Integer.toHexString(magic) + " is neither PE32 (0x10b) nor"
                    + " PE32+ (0x20b)");
        }
        boolean plus = magic == PE32_PLUS;
        int directoriesAt = plus ? 112 : 96;
        if (optionalSize < directoriesAt) {
            throw in.failure("optional header has " + optionalSize + " bytes, fewer than the " + directoriesAt
                    + " its fixed fields take");
        }
        long directoryCount = Integer.toUnsignedLong(optional.getInt(plus ? 108 : 92));
        if (directoryCount > (optionalSize - directoriesAt) / 8) {
            throw in.failure(directoryCount + " data directories do not fit in the optional header ("
                    + optionalSize + " bytes)");
        }
        List<PeLayout.DataDirectory> directories = new ArrayList<>();
        for (int i = 0; i < directoryCount; i++) {
            int at = directoriesAt + i * 8;
            directories.add(new PeLayout.DataDirectory(Integer.toUnsignedLong(optional.getInt(at)),
                    Integer.toUnsignedLong(optional.getInt(at + 4)), optionalOffset + at));
        }
        long sectionTable = optionalOffset + optionalSize;
        ByteBuffer table = in.read("section table", sectionTable, sectionCount * 40L, LE);
        List<PeSection> sections = new ArrayList<>();
        for (int i = 0; i < sectionCount; i++) {
            int at = i * 40;
            byte[] name = new byte[8];
            table.get(at, name);
            int length = 0;
            while (length < 8 && name[length] != 0) {
                length++;
            }
            sections.add(new PeSection(new String(name, 0, length, StandardCharsets.ISO_8859_1),
                    Integer.toUnsignedLong(table.getInt(at + 8)), Integer.toUnsignedLong(table.getInt(at + 12)),
                    Integer.toUnsignedLong(table.getInt(at + 16)), Integer.toUnsignedLong(table.getInt(at + 20)),
                    table.getInt(at + 36), sectionTable + at));
        }
        long imageBase = plus ? optional.getLong(24) : Integer.toUnsignedLong(optional.getInt(28));
        layout = new PeLayout(optionalOffset, sectionTable, Integer.toUnsignedLong(optional.getInt(60)),
                Integer.toUnsignedLong(optional.getInt(36)), Integer.toUnsignedLong(optional.getInt(32)), imageBase,
                Integer.toUnsignedLong(optional.getInt(56)), directories, sections, in.size());
        return new PeFile(in.path(), machine, plus, imports(), delayImports(), exportName(),
                Integer.toUnsignedLong(optional.getInt(PeLayout.CHECKSUM_FIELD)), layout);
    }

    private List<PeImport> imports() throws IOException {
        PeLayout.DataDirectory directory = layout.directory(PeLayout.IMPORT);
        List<PeImport> imports = new ArrayList<>();
        if (directory.rva() == 0) {
            return imports;
        }
        long offset = offsetOf("import directory", directory.rva());
        long end = sectionEnd(directory.rva());
        for (long at = offset; ; at += IMPORT_DESCRIPTOR) {
            if (end - at < IMPORT_DESCRIPTOR) {
                throw in.failure("import directory at RVA 0x" + Long.toHexString(directory.rva())
                        + " runs past its section without a terminating empty descriptor");
            }
            ByteBuffer descriptor = in.read("import descriptor", at, IMPORT_DESCRIPTOR, LE);
            if (isZero(descriptor)) {
                return imports;
            }
            long nameRva = Integer.toUnsignedLong(descriptor.getInt(12));
            imports.add(new PeImport(name("imported DLL name", nameRva), false, at + 12, false));
        }
    }

    private List<PeImport> delayImports() throws IOException {
        PeLayout.DataDirectory directory = layout.directory(PeLayout.DELAY_IMPORT);
        List<PeImport> imports = new ArrayList<>();
        if (directory.rva() == 0) {
            return imports;
        }
        long offset = offsetOf("delay-load import directory", directory.rva());
        long end = sectionEnd(directory.rva());
        for (long at = offset; ; at += DELAY_DESCRIPTOR) {
            if (end - at < DELAY_DESCRIPTOR) {
                throw in.failure("delay-load import directory at RVA 0x" + Long.toHexString(directory.rva())
                        + " runs past its section without a terminating empty descriptor");
            }
            ByteBuffer descriptor = in.read("delay-load import descriptor", at, DELAY_DESCRIPTOR, LE);
            if (isZero(descriptor)) {
                return imports;
            }
            // attribute bit 0 clear: a pre-VC7 descriptor whose pointers are virtual addresses, not RVAs
            boolean va = (descriptor.getInt(0) & 1) == 0;
            long address = Integer.toUnsignedLong(descriptor.getInt(4));
            long rva = va ? address - layout.imageBase() : address;
            imports.add(new PeImport(name("delay-loaded DLL name", rva), true, at + 4, va));
        }
    }

    private Optional<String> exportName() throws IOException {
        PeLayout.DataDirectory directory = layout.directory(PeLayout.EXPORT);
        if (directory.rva() == 0) {
            return Optional.empty();
        }
        long offset = offsetOf("export directory", directory.rva());
        long nameRva = Integer.toUnsignedLong(in.read("export directory", offset, 40, LE).getInt(12));
        return nameRva == 0 ? Optional.empty() : Optional.of(name("export name", nameRva));
    }

    /** The names in the export directory's name pointer table, in its order. */
    private List<String> exportedNames() throws IOException {
        PeLayout.DataDirectory directory = layout.directory(PeLayout.EXPORT);
        List<String> names = new ArrayList<>();
        if (directory.rva() == 0) {
            return names;
        }
        ByteBuffer export = in.read("export directory", offsetOf("export directory", directory.rva()), 40, LE);
        long count = Integer.toUnsignedLong(export.getInt(24));
        long tableRva = Integer.toUnsignedLong(export.getInt(32));
        if (count == 0) {
            return names;
        }
        long table = offsetOf("export name pointer table", tableRva);
        if (count > (sectionEnd(tableRva) - table) / 4) {
            throw in.failure("export directory names " + count + " exports, more than its name pointer table at RVA 0x"
                    + Long.toHexString(tableRva) + " holds");
        }
        ByteBuffer pointers = in.read("export name pointer table", table, (int) (count * 4), LE);
        for (int i = 0; i < count; i++) {
            names.add(name("exported name", Integer.toUnsignedLong(pointers.getInt(i * 4))));
        }
        return names;
    }

    private String name(String what, long rva) throws IOException {
        return in.cString(what + " (RVA 0x" + Long.toHexString(rva) + ")", offsetOf(what, rva), sectionEnd(rva));
    }

    /** The file offset of {@code rva}: inside the headers, or inside a section's raw data. */
    private long offsetOf(String what, long rva) throws IOException {
        if (rva < layout.sizeOfHeaders() && rva < in.size()) {
            return rva;
        }
        for (PeSection section : layout.sections()) {
            if (section.holds(rva)) {
                return section.rawOffset() + (rva - section.virtualAddress());
            }
        }
        throw in.failure(what + " at RVA 0x" + Long.toHexString(rva) + " lies in no section's file data");
    }

    /** The file offset where the headers or the section holding {@code rva} end. */
    private long sectionEnd(long rva) {
        if (rva < layout.sizeOfHeaders()) {
            return Math.min(layout.sizeOfHeaders(), in.size());
        }
        return layout.sections().stream().filter(s -> s.holds(rva)).findFirst()
                .map(s -> Math.min(s.rawOffset() + s.rawSize(), in.size())).orElse(0L);
    }

    private static boolean isZero(ByteBuffer buffer) {
        for (int i = 0; i < buffer.limit(); i++) {
            if (buffer.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
