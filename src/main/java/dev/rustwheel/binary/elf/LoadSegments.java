package dev.rustwheel.binary.elf;

import java.util.ArrayList;
import java.util.List;

/**
 * Translates virtual addresses, which is how the dynamic section points at its tables, to file offsets through
 * the PT_LOAD segments, exactly as the loader maps them.
 */
public final class LoadSegments {

    private final ElfInput input;
    private final List<ProgramHeader> loads;

    LoadSegments(ElfInput input, List<ProgramHeader> programHeaders) {
        this.input = input;
        List<ProgramHeader> loads = new ArrayList<>();
        for (ProgramHeader header : programHeaders) {
            if (header.type() == ProgramHeader.PT_LOAD) {
                loads.add(header);
            }
        }
        this.loads = List.copyOf(loads);
    }

    /** @param what names the pointer for the error message, e.g. "DT_STRTAB" */
    public long fileOffsetOf(long address, String what) throws ElfFormatException {
        for (ProgramHeader load : loads) {
            if (load.containsInFile(address)) {
                return load.offset() + (address - load.virtualAddress());
            }
        }
        throw input.failure(what + " address 0x" + Long.toHexString(address)
                + " is not inside the file part of any PT_LOAD segment");
    }
}
