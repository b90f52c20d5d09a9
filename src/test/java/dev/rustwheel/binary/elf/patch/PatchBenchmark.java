package dev.rustwheel.binary.elf.patch;

import dev.rustwheel.overlay.Overlay;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The repair of one library as {@code package} does it: plan the overlay, then stream the clean file with the
 * overlay applied into a new file. Run by {@code bench/elf-patch.sh}, not by the test suite. Prints the
 * milliseconds of each phase.
 */
public final class PatchBenchmark {

    private PatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PatchBenchmark <clean .so> <new patched file>");
        }
        Path clean = Path.of(args[0]);
        Path target = Path.of(args[1]);
        long start = System.nanoTime();
        Overlay overlay = ElfPatcher.plan(clean, ElfEdits.none().replaceNeeded("libm.so.6", "libm-12345678.so.6")
                .withSoname("libbig-87654321.so").withSearchPath(SearchPathEdit.rpath("$ORIGIN/../big.libs")));
        long planned = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(
                Files.newOutputStream(target, StandardOpenOption.CREATE_NEW), 1 << 16)) {
            overlay.writeTo(clean, out);
        }
        long written = System.nanoTime();
        System.out.printf("plan %.1f ms, stream %.1f ms, appended %d bytes%n", (planned - start) / 1e6,
                (written - planned) / 1e6, overlay.appended().length);
    }
}
