package dev.rustwheel.binary.pe;

import dev.rustwheel.binary.NativeTools;
import java.io.IOException;
import java.nio.file.Path;

/** What Python's pefile (an independent reader) says about a PE image, in the form {@link #describe(PeFile)} uses. */
final class Pefile {

    private static final String SCRIPT = """
            import sys, pefile
            p = pefile.PE(sys.argv[1])
            imports = [d.dll.decode() for d in getattr(p, 'DIRECTORY_ENTRY_IMPORT', [])]
            delay = [d.dll.decode() for d in getattr(p, 'DIRECTORY_ENTRY_DELAY_IMPORT', [])]
            export = getattr(p, 'DIRECTORY_ENTRY_EXPORT', None)
            name = export.name.decode() if export is not None and export.name else ''
            print('%#x|%s|%s|%s|%s|%#x' % (p.FILE_HEADER.Machine, p.OPTIONAL_HEADER.Magic == 0x20b,
                  ','.join(imports), ','.join(delay), name, p.OPTIONAL_HEADER.CheckSum))
            """;

    private Pefile() {
    }

    static String describe(Path file) throws IOException, InterruptedException {
        return NativeTools.python(file.getParent(), "pefile", SCRIPT, file.toString()).strip();
    }

    static String describe(PeFile pe) {
        return "0x" + Integer.toHexString(pe.machine()) + "|" + (pe.pe32Plus() ? "True" : "False") + "|"
                + String.join(",", pe.imports().stream().map(PeImport::dll).toList()) + "|"
                + String.join(",", pe.delayImports().stream().map(PeImport::dll).toList()) + "|"
                + pe.exportName().orElse("") + "|0x" + Long.toHexString(pe.checksum());
    }

    /** pefile's own verdict on the optional header's checksum. */
    static boolean checksumValid(Path file) throws IOException, InterruptedException {
        return NativeTools.python(file.getParent(), "pefile",
                "import sys, pefile; print(pefile.PE(sys.argv[1]).verify_checksum())", file.toString())
                .strip().equals("True");
    }
}
