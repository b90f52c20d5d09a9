package dev.rustwheel.binary.elf;

import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Maps {@code e_machine} to the architecture name that {@code uname -m} prints and that wheel platform tags
 * use. The machine number alone is not enough: ppc64 and ppc64le share {@code EM_PPC64}, and 32- and 64-bit
 * variants share one number on s390, RISC-V and LoongArch.
 */
final class ArchitectureNames {

    private static final int EM_386 = 3;
    private static final int EM_PPC = 20;
    private static final int EM_PPC64 = 21;
    private static final int EM_S390 = 22;
    private static final int EM_ARM = 40;
    private static final int EM_X86_64 = 62;
    private static final int EM_AARCH64 = 183;
    private static final int EM_RISCV = 243;
    private static final int EM_LOONGARCH = 258;

    private ArchitectureNames() {
    }

    static Optional<String> of(int machine, ElfClass elfClass, ByteOrder order) {
        boolean is64 = elfClass == ElfClass.ELF64;
        boolean little = order == ByteOrder.LITTLE_ENDIAN;
        String name = switch (machine) {
            case EM_X86_64 -> is64 ? "x86_64" : null; // ELF32 x86-64 is the x32 ABI, which has no wheel tag
            case EM_386 -> "i686";
            case EM_AARCH64 -> little ? "aarch64" : "aarch64_be";
            // manylinux and piwheels tag 32-bit ARM hard-float builds as armv7l
            case EM_ARM -> little ? "armv7l" : null;
            case EM_PPC64 -> little ? "ppc64le" : "ppc64";
            case EM_PPC -> little ? "ppcle" : "ppc";
            case EM_S390 -> is64 ? "s390x" : "s390";
            case EM_RISCV -> is64 ? "riscv64" : "riscv32";
            case EM_LOONGARCH -> is64 ? "loongarch64" : "loongarch32";
            default -> null;
        };
        return Optional.ofNullable(name);
    }
}
