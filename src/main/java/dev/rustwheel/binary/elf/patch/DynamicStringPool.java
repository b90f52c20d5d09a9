package dev.rustwheel.binary.elf.patch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The new dynamic string table: the old one byte for byte, followed by the strings it lacks. Every old offset
 * (dynamic entries, symbol names, version records) therefore stays valid, and the symbol hash tables, which hash
 * names rather than offsets, stay untouched.
 */
final class DynamicStringPool {

    private final byte[] old;
    private final ByteArrayOutputStream added = new ByteArrayOutputStream();
    private final Map<String, Long> addedOffsets = new HashMap<>();

    DynamicStringPool(byte[] old) {
        this.old = old;
    }

    /**
     * The offset of {@code value} in the new table: an existing occurrence where there is one (also the tail of
     * a longer string, as linkers share them), else a newly appended copy.
     */
    long offsetOf(String value) {
        byte[] wanted = value.getBytes(StandardCharsets.UTF_8);
        int found = find(wanted);
        if (found >= 0) {
            return found;
        }
        return addedOffsets.computeIfAbsent(value, v -> {
            long offset = old.length + added.size();
            added.writeBytes(wanted);
            added.write(0);
            return offset;
        });
    }

    private int find(byte[] wanted) {
        outer:
        for (int start = 0; start + wanted.length < old.length; start++) {
            if (old[start + wanted.length] != 0) {
                continue;
            }
            for (int i = 0; i < wanted.length; i++) {
                if (old[start + i] != wanted[i]) {
                    continue outer;
                }
            }
            return start;
        }
        return -1;
    }

    boolean grew() {
        return added.size() > 0;
    }

    long size() {
        return old.length + added.size();
    }

    byte[] bytes() {
        byte[] all = new byte[(int) size()];
        System.arraycopy(old, 0, all, 0, old.length);
        byte[] more = added.toByteArray();
        System.arraycopy(more, 0, all, old.length, more.length);
        return all;
    }
}
