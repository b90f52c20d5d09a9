package dev.rustwheel.wheel.zip;

import dev.rustwheel.wheel.RecordRow;
import java.util.ArrayList;
import java.util.List;

/**
 * What went into a wheel file, recorded after writing it: the file's size and modification time (so that a wheel
 * changed by anyone else is never trusted), the writer's settings (compression, entry time), and every entry but
 * RECORD, in archive order.
 *
 * @param modified the wheel file's modification time, as {@link java.nio.file.attribute.FileTime#toString()}
 */
public record PackedWheel(long size, String modified, String settings, List<PackedEntry> entries) {

    public PackedWheel {
        entries = List.copyOf(entries);
    }

    /**
     * The RECORD rows of the entries, in archive order. A loop: package asks on every build, and a stream's method
     * reference would cost it a class spun at first use.
     */
    public List<RecordRow> rows() {
        List<RecordRow> rows = new ArrayList<>(entries.size());
        for (PackedEntry entry : entries) {
            rows.add(entry.row());
        }
        return List.copyOf(rows);
    }
}
