package dev.rustwheel.wheel.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.process.ProcessSpec;
import dev.rustwheel.wheel.RecordRow;
import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WheelWriterTest {

    private static final String DIST_INFO = "fastparse-1.0.dist-info";

    @TempDir
    Path dir;

    private final WheelWriter writer = new WheelWriter(WheelWriter.ZIP_EPOCH);

    /** Plain string order: {@code -} sorts before {@code /}, so the .data directory precedes the package. */
    @Test
    void writesPayloadSortedThenDistInfoThenRecord() throws Exception {
        Path wheel = writeSample();
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertEquals(List.of(
                    "fastparse-1.0.data/scripts/fastparse",
                    "fastparse/__init__.py",
                    "fastparse/_native.cpython-311-x86_64-linux-gnu.so",
                    "fastparse/data,1.bin",
                    "fastparse-1.0.dist-info/METADATA",
                    "fastparse-1.0.dist-info/WHEEL",
                    "fastparse-1.0.dist-info/licenses/LICENSE",
                    "fastparse-1.0.dist-info/RECORD"), names);
        }
    }

    @Test
    void recordListsTheDigestAndSizeOfEveryEntryAndItselfLast() throws Exception {
        Path wheel = writeSample();
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            List<String> lines = new String(read(zip, DIST_INFO + "/RECORD"), StandardCharsets.UTF_8).lines().toList();
            List<? extends ZipEntry> entries = zip.stream().toList();
            assertEquals(entries.size(), lines.size());
            for (int i = 0; i < entries.size() - 1; i++) {
                byte[] bytes = read(zip, entries.get(i).getName());
                String path = entries.get(i).getName().contains(",")
                        ? "\"" + entries.get(i).getName() + "\""
                        : entries.get(i).getName();
                assertEquals(path + ",sha256=" + sha256(bytes) + "," + bytes.length, lines.get(i));
            }
            assertEquals(DIST_INFO + "/RECORD,,", lines.get(lines.size() - 1));
        }
    }

    @Test
    void returnsTheRowsItRecorded() throws Exception {
        Path wheel = dir.resolve("a.whl");
        List<RecordRow> rows = writer.write(wheel, DIST_INFO,
                List.of(new WheelEntry("b.py", text("b"), false), new WheelEntry("a.py", text("a"), false)),
                List.of(new WheelEntry("WHEEL", text("w"), false)));
        assertEquals(List.of(
                new RecordRow("a.py", sha256(bytes("a")), 1),
                new RecordRow("b.py", sha256(bytes("b")), 1),
                new RecordRow(DIST_INFO + "/WHEEL", sha256(bytes("w")), 1)), rows);
    }

    @Test
    void storesFileContentByteForByte() throws Exception {
        Path wheel = writeSample();
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("native.so")),
                    read(zip, "fastparse/_native.cpython-311-x86_64-linux-gnu.so"));
        }
    }

    @Test
    void setsRegularFileModesDeflateAndTheGivenTime() throws Exception {
        Path wheel = writeSample();
        try (org.apache.commons.compress.archivers.zip.ZipFile zip =
                     org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(wheel).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                int expectedMode = entry.getName().endsWith("/scripts/fastparse") ? 0100755 : 0100644;
                assertEquals(expectedMode, entry.getUnixMode(), entry.getName());
                assertEquals(ZipEntry.DEFLATED, entry.getMethod(), entry.getName());
            }
        }
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                assertEquals(LocalDateTime.of(1980, 1, 1, 0, 0), entry.getTimeLocal(), entry.getName());
            }
        }
    }

    @Test
    void storesTheUtcTimeWhateverTheLocalTimeZone() throws Exception {
        FileTime mtime = FileTime.from(Instant.parse("2024-07-01T23:30:44Z"));
        TimeZone original = TimeZone.getDefault();
        List<byte[]> wheels = new ArrayList<>();
        try {
            for (String zone : List.of("UTC", "America/Los_Angeles", "Asia/Kolkata")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                Path wheel = dir.resolve(zone.replace('/', '_') + ".whl");
                new WheelWriter(mtime).write(wheel, DIST_INFO, List.of(new WheelEntry("a.py", text("a"), false)),
                        List.of());
                try (ZipFile zip = new ZipFile(wheel.toFile())) {
                    assertEquals(LocalDateTime.of(2024, 7, 1, 23, 30, 44), zip.getEntry("a.py").getTimeLocal(), zone);
                }
                wheels.add(Files.readAllBytes(wheel));
            }
        } finally {
            TimeZone.setDefault(original);
        }
        assertArrayEquals(wheels.get(0), wheels.get(1));
        assertArrayEquals(wheels.get(0), wheels.get(2));
    }

    @Test
    void refusesTimesZipCannotStore() {
        assertThrows(IllegalArgumentException.class,
                () -> new WheelWriter(FileTime.from(Instant.parse("1979-12-31T23:59:59Z"))));
        assertThrows(IllegalArgumentException.class,
                () -> new WheelWriter(FileTime.from(Instant.parse("2108-01-01T00:00:00Z"))));
    }

    @Test
    void replacesAnOlderWheelAndLeavesNoTemporaryFile() throws Exception {
        Path wheel = dir.resolve("fastparse-1.0-cp311-cp311-linux_x86_64.whl");
        Files.writeString(wheel, "stale");
        writer.write(wheel, DIST_INFO, List.of(new WheelEntry("a.py", text("a"), false)), List.of());
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            assertEquals("a", new String(read(zip, "a.py"), StandardCharsets.UTF_8));
        }
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(wheel), listing.toList());
        }
    }

    @Test
    void leavesNeitherWheelNorTemporaryFileWhenAnEntryFails() throws Exception {
        Path wheel = dir.resolve("fastparse-1.0-cp311-cp311-linux_x86_64.whl");
        EntryContent failing = new EntryContent() {
            @Override
            public void writeTo(java.io.OutputStream out) throws IOException {
                out.write(new byte[1000]);
                throw new IOException("disk vanished");
            }

            @Override
            public String fingerprint() {
                return "failing";
            }

            @Override
            public long size() {
                return 2000;
            }
        };
        IOException e = assertThrows(IOException.class, () -> writer.write(wheel, DIST_INFO,
                List.of(new WheelEntry("a.py", text("a"), false), new WheelEntry("b.so", failing, false)),
                List.of()));
        assertEquals("disk vanished", e.getMessage());
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(), listing.toList());
        }
    }

    @Test
    void tellsTheListenerEachEntryOnceItIsInTheTemporaryFile() throws Exception {
        Path wheel = dir.resolve("fastparse-1.0-cp311-cp311-linux_x86_64.whl");
        List<String> told = new ArrayList<>();
        new WheelWriter(WheelWriter.ZIP_EPOCH, Compression.DEFAULT, 2, path -> {
            told.add(path);
            try (var listing = Files.list(dir)) {
                assertEquals(1, listing.filter(p -> p.getFileName().toString().endsWith(".part")).count(),
                        "the entry is written to the temporary file, not the wheel");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).write(wheel, DIST_INFO, List.of(new WheelEntry("b.py", text("b"), false),
                new WheelEntry("a.py", text("a"), false)), List.of(new WheelEntry("METADATA", text("m"), false)));

        assertEquals(List.of("a.py", "b.py", DIST_INFO + "/METADATA"), told);
    }

    @Test
    void refusesEntriesItWouldWriteTwiceOrInTheWrongPlace() {
        Path wheel = dir.resolve("x.whl");
        WheelEntry a = new WheelEntry("a.py", text("a"), false);
        assertThrows(IllegalArgumentException.class, () -> writer.write(wheel, DIST_INFO, List.of(a, a), List.of()));
        assertThrows(IllegalArgumentException.class, () -> writer.write(wheel, DIST_INFO,
                List.of(new WheelEntry(DIST_INFO + "/METADATA", text("m"), false)), List.of()));
        assertThrows(IllegalArgumentException.class, () -> writer.write(wheel, DIST_INFO,
                List.of(), List.of(new WheelEntry("RECORD", text("r"), false))));
        assertThrows(IllegalArgumentException.class, () -> writer.write(wheel, "fastparse-1.0", List.of(a), List.of()));
    }

    @Test
    void pythonsZipfileAndHashlibAcceptTheWheel() throws Exception {
        Assumptions.assumeTrue(onPath("python3"), "python3 is not on PATH");
        Path wheel = writeSample();
        String check = String.join("\n",
                "import base64, csv, hashlib, io, sys, zipfile",
                "z = zipfile.ZipFile(sys.argv[1])",
                "assert z.testzip() is None",
                "names = z.namelist()",
                "record = [n for n in names if n.endswith('.dist-info/RECORD')][0]",
                "assert names[-1] == record, names",
                "rows = list(csv.reader(io.StringIO(z.read(record).decode('utf-8'))))",
                "assert [r[0] for r in rows] == names, rows",
                "for path, digest, size in rows[:-1]:",
                "    data = z.read(path)",
                "    expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()",
                "    assert digest == 'sha256=' + expected and int(size) == len(data), path",
                "assert rows[-1] == [record, '', '']",
                "modes = {i.filename: oct(i.external_attr >> 16) for i in z.infolist()}",
                "assert modes['fastparse-1.0.data/scripts/fastparse'] == '0o100755', modes",
                "assert set(modes.values()) == {'0o100644', '0o100755'}, modes",
                "print('ok', len(names))");
        String out = new ProcessRunner(command -> { })
                .capture(ProcessSpec.of(dir, "python3", "-I", "-c", check, wheel.toString()), line -> { });
        assertEquals("ok 8\n", out);
    }

    /** A wheel with entries given out of order, a file on disk, an executable, and dist-info files. */
    private Path writeSample() throws IOException {
        byte[] nativeBytes = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(nativeBytes);
        Path nativeLibrary = Files.write(dir.resolve("native.so"), nativeBytes);
        Path wheel = dir.resolve("wheels/fastparse-1.0-cp311-cp311-linux_x86_64.whl");
        writer.write(wheel, DIST_INFO,
                List.of(
                        new WheelEntry("fastparse/data,1.bin", EntryContent.ofBytes(new byte[0]), false),
                        new WheelEntry("fastparse/_native.cpython-311-x86_64-linux-gnu.so",
                                EntryContent.ofFile(nativeLibrary), false),
                        new WheelEntry("fastparse-1.0.data/scripts/fastparse", text("#!python\n"), true),
                        new WheelEntry("fastparse/__init__.py", text("from ._native import *\n"), false)),
                List.of(
                        new WheelEntry("WHEEL", text("Wheel-Version: 1.0\n"), false),
                        new WheelEntry("licenses/LICENSE", text("MIT\n"), false),
                        new WheelEntry("METADATA", text("Metadata-Version: 2.4\n"), false)));
        return wheel;
    }

    private static EntryContent text(String text) {
        return EntryContent.ofBytes(bytes(text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static boolean onPath(String program) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }
}
