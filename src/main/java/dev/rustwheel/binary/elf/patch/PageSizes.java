package dev.rustwheel.binary.elf.patch;

/**
 * The largest page size a loader of each architecture may use. A new PT_LOAD must be aligned to it, not to the
 * build machine's page: a 4 KiB alignment breaks the library on a 64 KiB-page aarch64 or ppc64 kernel.
 */
final class PageSizes {

    private static final int EM_SPARC = 2;
    private static final int EM_MIPS = 8;
    private static final int EM_PPC = 20;
    private static final int EM_PPC64 = 21;
    private static final int EM_SPARCV9 = 43;
    private static final int EM_IA_64 = 50;
    private static final int EM_AARCH64 = 183;
    private static final int EM_LOONGARCH = 258;

    private PageSizes() {
    }

    static long maximumFor(int machine) {
        return switch (machine) {
            case EM_MIPS, EM_PPC, EM_PPC64, EM_IA_64, EM_AARCH64, EM_LOONGARCH -> 64 * 1024;
            case EM_SPARC, EM_SPARCV9 -> 8 * 1024;
            default -> 4 * 1024;
        };
    }
}
