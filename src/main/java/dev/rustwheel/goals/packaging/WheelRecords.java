package dev.rustwheel.goals.packaging;

import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelRecord;
import dev.rustwheel.wheel.zip.PackedEntry;
import dev.rustwheel.wheel.zip.PackedWheel;
import java.nio.file.Path;

/** Carries what the wheel writer reports about a wheel into the manifest, and back on the next build. */
final class WheelRecords {

    private WheelRecords() {
    }

    /** What the manifest says went into {@code file} when it was last written, or null. */
    static PackedWheel previous(StagingManifest manifest, Path file) {
        return manifest.wheels().stream().filter(w -> w.file().equals(file)).findFirst()
                .map(w -> new PackedWheel(w.size(), w.modified(), w.settings(), w.entries().stream()
                        .map(e -> new PackedEntry(e.path(), e.fingerprint(), e.sha256(), e.size())).toList()))
                .orElse(null);
    }

    static WheelRecord of(Path file, PackedWheel wheel) {
        return new WheelRecord(file, wheel.size(), wheel.modified(), wheel.settings(), wheel.entries().stream()
                .map(e -> new WheelRecord.Entry(e.path(), e.fingerprint(), e.sha256(), e.size())).toList());
    }
}
