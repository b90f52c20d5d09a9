package dev.rustwheel.binary.macho;

import dev.rustwheel.binary.BinaryInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * An ad-hoc code signature's CodeDirectories: where their page hashes lie, so that they can be recomputed after
 * the load commands change (what {@code codesign -s -} would write, with the same layout). The SuperBlob is
 * big-endian whatever the slice's byte order.
 */
final class CodeSignature {

    private static final int SUPERBLOB = 0xfade0cc0;
    private static final int CODE_DIRECTORY = 0xfade0c02;
    private static final int SLOT_CODE_DIRECTORY = 0;
    private static final int SLOT_ALTERNATE_FIRST = 0x1000;
    private static final int SLOT_ALTERNATE_LAST = 0x1004;
    private static final int SLOT_SIGNATURE = 0x10000;
    private static final int HASH_SHA1 = 1;
    private static final int HASH_SHA256 = 2;

    /** One CodeDirectory: page hashes at {@code hashesOffset} (from the slice start), one per page up to codeLimit. */
    record Directory(long hashesOffset, int slots, int hashSize, String algorithm, int pageSize, long codeLimit) {
    }

    private CodeSignature() {
    }

    static List<Directory> directories(BinaryInput in, MachOSlice slice, CodeSignatureLocation location)
            throws IOException {
        long base = slice.offset() + location.dataOffset();
        ByteBuffer blob = in.read("code signature", base, location.dataSize(), ByteOrder.BIG_ENDIAN);
        if (blob.limit() < 12 || blob.getInt(0) != SUPERBLOB) {
            throw unpatchable(in, "its code signature is not a SuperBlob");
        }
        long count = Integer.toUnsignedLong(blob.getInt(8));
        if (count > (blob.limit() - 12) / 8) {
            throw unpatchable(in, "its code signature's index lists " + count + " blobs, more than it holds");
        }
        List<Directory> directories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int type = blob.getInt(12 + i * 8);
            long at = Integer.toUnsignedLong(blob.getInt(16 + i * 8));
            if (at > blob.limit() - 8) {
                throw unpatchable(in, "its code signature's blob " + i + " lies outside it");
            }
            if (type == SLOT_SIGNATURE && blob.getInt((int) at + 4) > 8) {
                throw unpatchable(in, "it is signed with an identity (a CMS signature), which an edit invalidates;"
                        + " strip the signature (codesign --remove-signature) before repairing, and sign again after");
            }
            if (type == SLOT_CODE_DIRECTORY || type >= SLOT_ALTERNATE_FIRST && type <= SLOT_ALTERNATE_LAST) {
                directories.add(directory(in, blob, (int) at, slice, location));
            }
        }
        return directories;
    }

    private static Directory directory(BinaryInput in, ByteBuffer blob, int at, MachOSlice slice,
            CodeSignatureLocation location) throws IOException {
        if (blob.limit() - at < 44 || blob.getInt(at) != CODE_DIRECTORY) {
            throw unpatchable(in, "its code signature lacks a well-formed CodeDirectory");
        }
        long length = Integer.toUnsignedLong(blob.getInt(at + 4));
        long hashOffset = Integer.toUnsignedLong(blob.getInt(at + 16));
        long slots = Integer.toUnsignedLong(blob.getInt(at + 28));
        long codeLimit = Integer.toUnsignedLong(blob.getInt(at + 32));
        int hashSize = Byte.toUnsignedInt(blob.get(at + 36));
        int hashType = Byte.toUnsignedInt(blob.get(at + 37));
        int pageShift = Byte.toUnsignedInt(blob.get(at + 39));
        String algorithm = switch (hashType) {
            case HASH_SHA1 -> "SHA-1";
            case HASH_SHA256 -> "SHA-256";
            default -> throw unpatchable(in, "its CodeDirectory uses hash type " + hashType
                    + ", neither SHA-1 nor SHA-256");
        };
        if (hashSize != (hashType == HASH_SHA1 ? 20 : 32) || pageShift < 9 || pageShift > 20) {
            throw unpatchable(in, "its CodeDirectory declares hashes of " + hashSize + " bytes over pages of 2^"
                    + pageShift + " bytes");
        }
        long pageSize = 1L << pageShift;
        if (codeLimit > location.dataOffset() || slots != (codeLimit + pageSize - 1) / pageSize
                || length > blob.limit() - at || hashOffset + slots * hashSize > length) {
            throw unpatchable(in, "its CodeDirectory's " + slots + " page hashes do not cover the code up to "
                    + codeLimit + " bytes");
        }
        return new Directory(location.dataOffset() + at + hashOffset, (int) slots, hashSize, algorithm,
                (int) pageSize, codeLimit);
    }

    /** The page hashes of {@code code} (the slice's bytes as edited, up to codeLimit at least). */
    static byte[] hashes(Directory directory, byte[] code) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(directory.algorithm());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides " + directory.algorithm(), e);
        }
        byte[] hashes = new byte[directory.slots() * directory.hashSize()];
        for (int page = 0; page < directory.slots(); page++) {
            long start = (long) page * directory.pageSize();
            int length = (int) Math.min(directory.pageSize(), directory.codeLimit() - start);
            digest.update(code, (int) start, length);
            System.arraycopy(digest.digest(), 0, hashes, page * directory.hashSize(), directory.hashSize());
        }
        return hashes;
    }

    private static UnpatchableMachOException unpatchable(BinaryInput in, String problem) {
        return new UnpatchableMachOException(in.path(), "cannot re-sign: " + problem);
    }
}
