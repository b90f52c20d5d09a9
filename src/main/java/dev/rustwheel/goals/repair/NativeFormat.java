package dev.rustwheel.goals.repair;

import dev.rustwheel.binary.macho.MachOFile;
import dev.rustwheel.binary.pe.PeFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** The native binary formats a wheel may carry, told apart by their first bytes. */
enum NativeFormat {
    ELF("Linux"), MACHO("macOS"), PE("Windows");

    /** Enough leading bytes to tell the formats apart. */
    static final int HEAD = 4;
    private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};

    private final String platform;

    NativeFormat(String platform) {
        this.platform = platform;
    }

    String platform() {
        return platform;
    }

    static Optional<NativeFormat> of(byte[] head) {
        if (head.length >= 4 && Arrays.equals(head, 0, 4, ELF_MAGIC, 0, 4)) {
            return Optional.of(ELF);
        }
        if (MachOFile.hasMagic(head)) {
            return Optional.of(MACHO);
        }
        return PeFile.hasMagic(head) ? Optional.of(PE) : Optional.empty();
    }

    static Optional<NativeFormat> of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in.readNBytes(HEAD));
        }
    }
}
