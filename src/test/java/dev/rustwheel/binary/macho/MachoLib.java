package dev.rustwheel.binary.macho;

import dev.rustwheel.binary.NativeTools;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What Python's macholib (an independent reader) says about a Mach-O file, one line per slice. */
final class MachoLib {

    /**
     * Per slice: {@code cputype|dylib commands and names|id|rpaths|minimum OS|signed|header padding}, where the
     * padding is macholib's lowest section offset minus its header-plus-commands size.
     */
    private static final String SCRIPT = """
            import sys
            from macholib.MachO import MachO
            from macholib import mach_o as m
            kinds = {m.LC_LOAD_DYLIB: 'LOAD', m.LC_LOAD_WEAK_DYLIB: 'WEAK', m.LC_REEXPORT_DYLIB: 'REEXPORT',
                     m.LC_LAZY_LOAD_DYLIB: 'LAZY', m.LC_LOAD_UPWARD_DYLIB: 'UPWARD'}
            for h in MachO(sys.argv[1]).headers:
                dylibs, rpaths, ident, minos, signed = [], [], '', '', False
                for lc, cmd, data in h.commands:
                    if lc.cmd in kinds:
                        dylibs.append(kinds[lc.cmd] + ' ' + data.rstrip(b'\\0').decode())
                    elif lc.cmd == m.LC_ID_DYLIB:
                        ident = data.rstrip(b'\\0').decode()
                    elif lc.cmd == m.LC_RPATH:
                        rpaths.append(data.rstrip(b'\\0').decode())
                    elif lc.cmd == m.LC_BUILD_VERSION and cmd.platform == 1:
                        minos = '%d.%d' % (cmd.minos >> 16, cmd.minos >> 8 & 255)
                    elif lc.cmd == m.LC_VERSION_MIN_MACOSX:
                        minos = '%d.%d' % (cmd.version >> 16, cmd.version >> 8 & 255)
                    elif lc.cmd == m.LC_CODE_SIGNATURE:
                        signed = True
                print('%#x|%s|%s|%s|%s|%s|%d' % (h.header.cputype, ','.join(dylibs), ident, ','.join(rpaths), minos,
                      signed, h.low_offset - h.total_size))
            """;

    private MachoLib() {
    }

    static List<String> describe(Path file) throws IOException, InterruptedException {
        return NativeTools.python(file.getParent(), "macholib", SCRIPT, file.toString()).lines().toList();
    }

    /** The same line, from our reader. */
    static String describe(MachOSlice slice) {
        return "0x" + Integer.toHexString(slice.cpuType()) + "|"
                + String.join(",", slice.dylibs().stream().map(d -> d.kind() + " " + d.installName()).toList()) + "|"
                + slice.id().orElse("") + "|" + String.join(",", slice.rpaths()) + "|"
                + slice.minimumOs().map(v -> v.major() + "." + v.minor()).orElse("") + "|"
                + (slice.signed() ? "True" : "False") + "|" + slice.headerPadding();
    }
}
