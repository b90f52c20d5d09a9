package dev.rustwheel.staging.store;

import dev.rustwheel.overlay.Overlay;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.AuditRecord;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import dev.rustwheel.staging.FileIdentity;
import dev.rustwheel.staging.GraftedLibrary;
import dev.rustwheel.staging.LinkedCrate;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelLayout;
import dev.rustwheel.staging.WheelRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A manifest with every record and field set (and each nullable field both set and null somewhere), as the
 * fixture {@code manifest-v3.json} holds it: that file was written by the plugin's earlier, reflective writer, so
 * reading it proves that manifests already on disk keep reading.
 */
final class FullManifest {

    private FullManifest() {
    }

    static StagingManifest sample() {
        Overlay edits = Overlay.of(4096, List.of(new Overlay.Overwrite(64, new byte[] {1, 2, 3}),
                new Overlay.Overwrite(200, new byte[] {(byte) 0xff})), new byte[] {0, 'x', 0});
        CrateInfo crate = new CrateInfo(Path.of("/src/fast parse/Cargo.toml"), "fast-parse", "1.2.0-beta.1",
                Path.of("/src/fast parse/target"),
                new CrateMetadata("Parses \"fast\"\n", List.of("Ann <ann@example.org>", "Bo"), "MIT OR Apache-2.0",
                        "LICENSE.txt", "https://example.org", "https://git.example.org/fp", "https://docs.example.org",
                        "README.md", List.of("parse", "ünïcode")),
                Map.of("pyo3", List.of("abi3", "abi3-py38", "extension-module")),
                List.of(new LinkedCrate("path+file:///src/fast%20parse#fast-parse@1.2.0-beta.1", "fast-parse",
                                "1.2.0-beta.1", null, null, true, List.of("registry+x#pyo3@0.17.3")),
                        new LinkedCrate("registry+x#pyo3@0.17.3", "pyo3", "0.17.3", "registry+x", "Apache-2.0",
                                false, List.of())),
                Path.of("/src/fast parse/target/release/build/fast-parse-1/out"));
        StagedArtifact library = new StagedArtifact(ArtifactKind.CDYLIB, "fast_parse",
                Path.of("/src/fast parse/target/release/libfast_parse.so"),
                Path.of("/m/target/rustwheel/staging/cdylib/libfast_parse.so"), 5_000_000_000L, "ab".repeat(32),
                true, ArtifactState.RENAMED, edits,
                new FileIdentity("(dev=fe00,ino=2254446)", 5_000_000_000L, "2026-11-30T19:45:28.729882465Z"));
        StagedArtifact tool = new StagedArtifact(ArtifactKind.BIN, "fp-cli",
                Path.of("/src/fast parse/target/release/fp-cli"), Path.of("/m/target/rustwheel/staging/bin/fp-cli"),
                0, null, false, ArtifactState.STAGING);
        return new StagingManifest(StagingManifest.SCHEMA_VERSION, crate,
                List.of(Path.of("/opt/native/lib"), Path.of("/src/fast parse/target/release/build/x-1/out")),
                List.of(library, tool),
                new AuditRecord("auto", "manylinux_2_17", List.of("manylinux_2_17_x86_64", "manylinux2014_x86_64"),
                        Map.of("GLIBC", "GLIBC_2.14 from libc.so.6, needed by /x/libfast_parse.so"),
                        List.of("libfoo.so.1 => /opt/native/lib/libfoo.so.1")),
                List.of(new GraftedLibrary(List.of("libfoo.so.1", "libfoo.so"), Path.of("/opt/native/lib/libfoo.so.1.2"),
                        "fast_parse.libs/libfoo-ab12cd34.so.1.2", "ab12cd34" + "0".repeat(56), 100,
                        "2026-11-30T09:00:00.123456789Z", Overlay.of(100, List.of(), new byte[] {9, 8, 7, 6}))),
                new WheelLayout("EXTENSION", "fast_parse._native", "fast_parse", "fast_parse", "fast_parse.libs",
                        "fast_parse.scripts"),
                List.of(new WheelRecord(Path.of("/m/target/wheels/fast_parse-1.2.0b1-cp311-cp311-linux_x86_64.whl"),
                        4242, "2026-11-30T10:00:00.123456789Z", "deflated:5:blocks-of-1048576:time-1980-01-01T00:00",
                        List.of(new WheelRecord.Entry("fast_parse/__init__.py", "100644:bytes:99ff", "mf-CFhR0", 119),
                                new WheelRecord.Entry("fast_parse/_native.so", "100755:file:/m/x.so:5:t", "fNA3", 5)))));
    }
}
