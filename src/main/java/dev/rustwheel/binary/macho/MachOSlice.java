package dev.rustwheel.binary.macho;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/**
 * One architecture's image: a thin file's only one, or one slice of a fat (universal) file.
 *
 * @param offset         where the slice starts in the file (0 for a thin file)
 * @param size           its length in bytes
 * @param cpuType        {@code cputype} of its header
 * @param cpuSubtype     {@code cpusubtype}, capability bits cleared
 * @param is64           a {@code mach_header_64} (64-bit) rather than {@code mach_header}
 * @param order          the byte order of its header and load commands
 * @param fileType       {@code MH_DYLIB} (6), {@code MH_BUNDLE} (8), {@code MH_EXECUTE} (2)…
 * @param sizeOfCommands {@code sizeofcmds}
 * @param commands       its load commands in order
 * @param dylibs         the libraries it links, in load-command order (library ordinals index into it)
 * @param id             its own install name ({@code LC_ID_DYLIB}), if it is a library that has one
 * @param rpaths         its {@code LC_RPATH} entries, in order
 * @param minimumOs      the oldest macOS it runs on, if it declares one
 * @param codeSignature  its {@code LC_CODE_SIGNATURE}, if signed
 * @param firstSectionOffset the file offset (within the slice) of the first section's contents, the end of the
 *                       room that load commands may grow into; 0 when it has no section with file contents
 */
public record MachOSlice(long offset, long size, int cpuType, int cpuSubtype, boolean is64, ByteOrder order,
        int fileType, int sizeOfCommands, List<LoadCommand> commands, List<DylibReference> dylibs,
        Optional<String> id, List<String> rpaths, Optional<MinimumOs> minimumOs,
        Optional<CodeSignatureLocation> codeSignature, long firstSectionOffset) {

    static final int CPU_ARCH_ABI64 = 0x01000000;
    static final int CPU_TYPE_X86 = 7;
    static final int CPU_TYPE_ARM = 12;
    static final int CPU_TYPE_POWERPC = 18;
    static final int CPU_SUBTYPE_ARM64E = 2;

    public MachOSlice {
        commands = List.copyOf(commands);
        dylibs = List.copyOf(dylibs);
        rpaths = List.copyOf(rpaths);
    }

    /** {@code mach_header_64} is 32 bytes, {@code mach_header} 28. */
    public int headerSize() {
        return is64 ? 32 : 28;
    }

    /**
     * The bytes between the end of the load commands and the first section's contents: what the load commands
     * may grow by. Zero where no section has contents, as Apple's tools then refuse to grow them too.
     */
    public long headerPadding() {
        return firstSectionOffset == 0 ? 0 : Math.max(0, firstSectionOffset - headerSize() - sizeOfCommands);
    }

    /**
     * The architecture as wheel tags and {@code lipo} name it: {@code x86_64}, {@code arm64}, {@code i386},
     * {@code arm64e}, {@code ppc}, {@code ppc64}; else the raw CPU type.
     */
    public String architecture() {
        return switch (cpuType) {
            case CPU_TYPE_X86 | CPU_ARCH_ABI64 -> "x86_64";
            case CPU_TYPE_X86 -> "i386";
            case CPU_TYPE_ARM | CPU_ARCH_ABI64 -> cpuSubtype == CPU_SUBTYPE_ARM64E ? "arm64e" : "arm64";
            case CPU_TYPE_ARM -> "arm";
            case CPU_TYPE_POWERPC -> "ppc";
            case CPU_TYPE_POWERPC | CPU_ARCH_ABI64 -> "ppc64";
            default -> "cputype_0x" + Integer.toHexString(cpuType);
        };
    }

    public boolean signed() {
        return codeSignature.isPresent();
    }
}
