package dev.rustwheel.binary.elf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-builds a minimal ELF64 shared object in either byte order, for targets no installed compiler produces
 * (big-endian ppc64, s390x). Layout: header, PT_LOAD + PT_DYNAMIC, .dynstr, .dynsym, .dynamic, .shstrtab,
 * section headers; every virtual address equals its file offset, so one PT_LOAD maps the whole file.
 */
public final class TinyElf64 {

    public static final int EM_PPC64 = 21;
    public static final int EM_S390 = 22;

    record Symbol(String name, int binding, int visibility, boolean defined) {
    }

    private final ByteOrder order;
    private final int machine;
    private final List<Symbol> symbols = new ArrayList<>();
    private final List<String> needed = new ArrayList<>();
    private String soname;
    private boolean dropFinalNul;

    public TinyElf64(ByteOrder order, int machine) {
        this.order = order;
        this.machine = machine;
    }

    public TinyElf64 symbol(String name, int binding, int visibility, boolean defined) {
        symbols.add(new Symbol(name, binding, visibility, defined));
        return this;
    }

    public TinyElf64 needed(String name) {
        needed.add(name);
        return this;
    }

    public TinyElf64 soname(String name) {
        soname = name;
        return this;
    }

    /** Declares .dynstr one byte short, so its last string loses its terminating NUL. */
    TinyElf64 dropFinalNulOfDynstr() {
        dropFinalNul = true;
        return this;
    }

    public byte[] build() {
        ByteArrayOutputStream dynstr = new ByteArrayOutputStream();
        dynstr.write(0);
        List<Integer> symbolNames = new ArrayList<>();
        symbols.forEach(s -> symbolNames.add(append(dynstr, s.name())));
        List<Integer> neededNames = new ArrayList<>();
        needed.forEach(n -> neededNames.add(append(dynstr, n)));
        Integer sonameOffset = soname == null ? null : append(dynstr, soname);
        byte[] shstrtab = "\0.dynstr\0.dynsym\0.dynamic\0.shstrtab\0".getBytes(StandardCharsets.US_ASCII);

        int dynstrOffset = 64 + 2 * 56;
        int dynstrSize = dynstr.size() - (dropFinalNul ? 1 : 0);
        int dynsymOffset = align8(dynstrOffset + dynstr.size());
        int dynsymSize = (symbols.size() + 1) * 24;
        int dynamicCount = needed.size() + (soname == null ? 0 : 1) + 5;
        int dynamicOffset = dynsymOffset + dynsymSize;
        int dynamicSize = dynamicCount * 16;
        int shstrtabOffset = dynamicOffset + dynamicSize;
        int shoff = align8(shstrtabOffset + shstrtab.length);
        int fileSize = shoff + 5 * 64;

        ByteBuffer b = ByteBuffer.allocate(fileSize).order(order);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, (byte) (order == ByteOrder.BIG_ENDIAN ? 2 : 1), 1, 0});
        b.position(16);
        b.putShort((short) 3).putShort((short) machine).putInt(1).putLong(0).putLong(64).putLong(shoff).putInt(0);
        b.putShort((short) 64).putShort((short) 56).putShort((short) 2).putShort((short) 64).putShort((short) 5)
                .putShort((short) 4);

        programHeader(b, ProgramHeader.PT_LOAD, 0, fileSize, 0x10000);
        programHeader(b, ProgramHeader.PT_DYNAMIC, dynamicOffset, dynamicSize, 8);

        b.position(dynstrOffset);
        b.put(dynstr.toByteArray());

        b.position(dynsymOffset + 24); // entry 0 is the null symbol
        for (int i = 0; i < symbols.size(); i++) {
            Symbol s = symbols.get(i);
            b.putInt(symbolNames.get(i)).put((byte) (s.binding() << 4 | 2 /* STT_FUNC */))
                    .put((byte) s.visibility()).putShort((short) (s.defined() ? 1 : 0))
                    .putLong(s.defined() ? 0x100 : 0).putLong(s.defined() ? 8 : 0);
        }

        b.position(dynamicOffset);
        neededNames.forEach(n -> b.putLong(DynamicEntry.DT_NEEDED).putLong(n));
        if (sonameOffset != null) {
            b.putLong(DynamicEntry.DT_SONAME).putLong(sonameOffset);
        }
        b.putLong(DynamicEntry.DT_STRTAB).putLong(dynstrOffset).putLong(DynamicEntry.DT_STRSZ).putLong(dynstrSize);
        b.putLong(DynamicEntry.DT_SYMTAB).putLong(dynsymOffset).putLong(DynamicEntry.DT_SYMENT).putLong(24);
        b.putLong(DynamicEntry.DT_NULL).putLong(0);

        b.position(shstrtabOffset);
        b.put(shstrtab);

        b.position(shoff + 64); // section 0 is all zeroes
        sectionHeader(b, 1, SectionHeader.SHT_STRTAB, dynstrOffset, dynstrSize, 0, 0);
        sectionHeader(b, 9, SectionHeader.SHT_DYNSYM, dynsymOffset, dynsymSize, 1, 24);
        sectionHeader(b, 17, 6 /* SHT_DYNAMIC */, dynamicOffset, dynamicSize, 1, 16);
        sectionHeader(b, 26, SectionHeader.SHT_STRTAB, shstrtabOffset, shstrtab.length, 0, 0);
        return b.array();
    }

    private static int append(ByteArrayOutputStream table, String name) {
        int offset = table.size();
        table.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        table.write(0);
        return offset;
    }

    private static int align8(int value) {
        return (value + 7) & ~7;
    }

    private static void programHeader(ByteBuffer b, int type, long offset, long size, long align) {
        b.putInt(type).putInt(4 /* PF_R */).putLong(offset).putLong(offset).putLong(offset).putLong(size)
                .putLong(size).putLong(align);
    }

    private static void sectionHeader(ByteBuffer b, int name, int type, long offset, long size, int link,
            long entrySize) {
        b.putInt(name).putInt(type).putLong(2 /* SHF_ALLOC */).putLong(offset).putLong(offset).putLong(size)
                .putInt(link).putInt(0).putLong(1).putLong(entrySize);
    }
}
