package dev.rustwheel.binary.macho;

/**
 * Where a slice's code signature (the {@code LC_CODE_SIGNATURE} SuperBlob) lies, relative to the slice's start.
 *
 * @param commandIndex index of the {@code LC_CODE_SIGNATURE} command
 * @param dataOffset   {@code dataoff}: the signature's offset, which is also where the signed (hashed) code ends
 * @param dataSize     {@code datasize}
 */
public record CodeSignatureLocation(int commandIndex, long dataOffset, long dataSize) {
}
