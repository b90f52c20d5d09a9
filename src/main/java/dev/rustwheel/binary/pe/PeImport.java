package dev.rustwheel.binary.pe;

/**
 * A DLL named by an import descriptor, ordinary or delay-load.
 *
 * @param dll             the name as the descriptor spells it ({@code KERNEL32.dll})
 * @param delayLoad       from the delay-load directory: loaded on first call rather than with the image
 * @param nameFieldOffset file offset of the descriptor field holding the name's RVA (what a rename repoints)
 * @param nameAddressIsVa the field holds a virtual address rather than an RVA (old delay-load descriptors)
 */
public record PeImport(String dll, boolean delayLoad, long nameFieldOffset, boolean nameAddressIsVa) {
}
