package dev.rustwheel.binary.pe;

import dev.rustwheel.binary.BinaryInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A PE/COFF image (DLL, {@code .pyd}, EXE), as far as the audit and the import rewriter need it.
 *
 * @param path                 where it was read from (names it in messages)
 * @param machine              the COFF {@code Machine} field
 * @param pe32Plus             a PE32+ (64-bit) optional header rather than PE32
 * @param imports              the import directory's DLLs, in order
 * @param delayImports         the delay-load directory's DLLs, in order
 * @param exportName           the export directory's DLL name, if it has one
 * @param checksum             the optional header's {@code CheckSum} (0: not set, as most linkers leave it)
 * @param layout               where the headers and sections lie, for the patcher
 */
public record PeFile(Path path, int machine, boolean pe32Plus, List<PeImport> imports, List<PeImport> delayImports,
        Optional<String> exportName, long checksum, PeLayout layout) {

    public static final int MACHINE_I386 = 0x14c;
    public static final int MACHINE_AMD64 = 0x8664;
    public static final int MACHINE_ARM64 = 0xaa64;

    public PeFile {
        imports = List.copyOf(imports);
        delayImports = List.copyOf(delayImports);
    }

    /** Whether {@code head} (the first 2 bytes or more) starts a DOS/PE image ({@code MZ}). */
    public static boolean hasMagic(byte[] head) {
        return head.length >= 2 && head[0] == 'M' && head[1] == 'Z';
    }

    public static PeFile read(Path path) throws IOException {
        try (BinaryInput in = BinaryInput.open(path, PeFormatException::new)) {
            return PeReader.read(in);
        }
    }

    /** Whether the image exports {@code symbol} by name ({@code PyInit_<module>} for an extension module). */
    public static boolean exportsSymbol(Path path, String symbol) throws IOException {
        try (BinaryInput in = BinaryInput.open(path, PeFormatException::new)) {
            return PeReader.exports(in, symbol);
        }
    }

    /** Reads {@code bytes} as the file {@code name} (which only names it in messages). */
    public static PeFile parse(Path name, byte[] bytes) throws IOException {
        return PeReader.read(BinaryInput.of(name, bytes, PeFormatException::new));
    }

    /** The architecture as Windows wheel tags name it: {@code amd64}, {@code x86}, {@code arm64}; else the raw value. */
    public String architecture() {
        return switch (machine) {
            case MACHINE_AMD64 -> "amd64";
            case MACHINE_I386 -> "x86";
            case MACHINE_ARM64 -> "arm64";
            default -> "machine_0x" + Integer.toHexString(machine);
        };
    }

    /** Every DLL it needs, ordinary and delay-load, in that order, each name once (as first spelt). */
    public List<String> neededDlls() {
        return java.util.stream.Stream.concat(imports.stream(), delayImports.stream()).map(PeImport::dll)
                .filter(new java.util.TreeSet<String>(String.CASE_INSENSITIVE_ORDER)::add).toList();
    }
}
