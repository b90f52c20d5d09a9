package dev.rustwheel.binary.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a gcc-built x86-64 library into a version-need bomb: its first Verneed record chains on to {@code needs - 1}
 * more appended after the file, and every one of them points at the same appended table of {@code versions}
 * Vernaux records (each naming the library's first version string). Read naively, that is needs × versions
 * records from a file of (needs + versions) × 16 bytes.
 */
public final class VersionNeedBomb {

    private static final int SHT_GNU_VERNEED = 0x6ffffffe;
    private static final long DT_VERNEEDNUM = 0x6fffffffL;

    private VersionNeedBomb() {
    }

    /** {@code library bomb needs versions}: for the integration test that shows a wheel holding one. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    }

    public static Path write(Path library, Path bomb, int needs, int versions) throws IOException {
        byte[] original = Files.readAllBytes(library);
        ByteBuffer in = ByteBuffer.wrap(original).order(ByteOrder.LITTLE_ENDIAN);
        int verneed = (int) sectionField(in, SHT_GNU_VERNEED, 0x18);
        int extra = (needs - 1 + versions) * 16;
        ByteBuffer out = ByteBuffer.allocate(original.length + extra).order(ByteOrder.LITTLE_ENDIAN);
        out.put(original);
        int file = in.getInt(verneed + 4);
        int firstAux = verneed + in.getInt(verneed + 8);
        int versionName = in.getInt(firstAux + 8);
        int needsAt = original.length;
        int auxAt = needsAt + (needs - 1) * 16;
        putNeed(out, verneed, versions, file, auxAt - verneed, needs > 1 ? needsAt - verneed : 0);
        for (int i = 0; i < needs - 1; i++) {
            int at = needsAt + i * 16;
            putNeed(out, at, versions, file, auxAt - at, i + 2 < needs ? 16 : 0);
        }
        for (int j = 0; j < versions; j++) {
            int at = auxAt + j * 16;
            out.putInt(at, 0).putShort(at + 4, (short) 0).putShort(at + 6, (short) (2 + j % 0x7ffd))
                    .putInt(at + 8, versionName).putInt(at + 12, j + 1 < versions ? 16 : 0);
        }
        setNeedCount(out, needs);
        return Files.write(bomb, out.array());
    }

    private static void putNeed(ByteBuffer out, int at, int versions, int file, int aux, int next) {
        out.putShort(at, (short) 1).putShort(at + 2, (short) versions).putInt(at + 4, file).putInt(at + 8, aux)
                .putInt(at + 12, next);
    }

    /** DT_VERNEEDNUM in .dynamic, found through its section header. */
    private static void setNeedCount(ByteBuffer b, int needs) {
        int dynamic = (int) sectionField(b, 6 /* SHT_DYNAMIC */, 0x18);
        for (int at = dynamic; b.getLong(at) != 0; at += 16) {
            if (b.getLong(at) == DT_VERNEEDNUM) {
                b.putLong(at + 8, needs);
                return;
            }
        }
        throw new IllegalStateException("no DT_VERNEEDNUM");
    }

    private static long sectionField(ByteBuffer b, int type, int field) {
        int shoff = (int) b.getLong(0x28);
        for (int i = 0; i < Short.toUnsignedInt(b.getShort(0x3c)); i++) {
            if (b.getInt(shoff + i * 64 + 4) == type) {
                return b.getLong(shoff + i * 64 + field);
            }
        }
        throw new IllegalStateException("no section of type 0x" + Integer.toHexString(type));
    }
}
