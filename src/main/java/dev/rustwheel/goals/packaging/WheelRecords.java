package dev.rustwheel.goals.packaging;

import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelRecord;
import dev.rustwheel.wheel.zip.PackedEntry;
import dev.rustwheel.wheel.zip.PackedWheel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Carries what the wheel writer reports about a wheel into the manifest, and back on the next build. */
final class WheelRecords {

    private WheelRecords() {
    }

    /** What the manifest says went into {@code file} when it was last written, or null. */
    static PackedWheel previous(StagingManifest manifest, Path file) {
        // loops, not streams: package asks on every build, and each lambda costs a warm build its class
        for (WheelRecord wheel : manifest.wheels()) {
            if (wheel.file().equals(file)) {
                List<PackedEntry> entries = new ArrayList<>();
                for (WheelRecord.Entry e : wheel.entries()) {
                    entries.add(new PackedEntry(e.path(), e.fingerprint(), e.sha256(), e.size()));
                }
                return new PackedWheel(wheel.size(), wheel.modified(), wheel.settings(), List.copyOf(entries));
            }
        }
        return null;
    }

    static WheelRecord of(Path file, PackedWheel wheel) {
        List<WheelRecord.Entry> entries = new ArrayList<>();
        for (PackedEntry e : wheel.entries()) {
            entries.add(new WheelRecord.Entry(e.path(), e.fingerprint(), e.sha256(), e.size()));
        }
        return new WheelRecord(file, wheel.size(), wheel.modified(), wheel.settings(), List.copyOf(entries));
    }
}
