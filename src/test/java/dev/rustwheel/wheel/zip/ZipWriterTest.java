package dev.rustwheel.wheel.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.process.ProcessSpec;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipShort;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The single-pass zip writer, checked against commons-compress and Python's zipfile. */
class ZipWriterTest {

    private static final LocalDateTime TIME = LocalDateTime.of(2026, 11, 30, 13, 58, 31);

    @TempDir
    Path dir;

    /** Data bigger than the writer's buffer, so that its header is written back into the file, not the buffer. */
    private static final byte[] NOISE = noise(700_000);

    private static final List<Entry> ENTRIES = List.of(
            new Entry("pkg/__init__.py", ZipWriter.DEFLATED, 0100644, "x = 1\n".getBytes(StandardCharsets.UTF_8)),
            new Entry("pkg/_native.so", ZipWriter.DEFLATED, 0100755, NOISE),
            new Entry("pkg/stored.bin", ZipWriter.STORED, 0100644, NOISE),
            new Entry("pkg/empty.txt", ZipWriter.DEFLATED, 0100644, new byte[0]),
            new Entry("pkg/été.txt", ZipWriter.STORED, 0100644, "é".getBytes(StandardCharsets.UTF_8)));

    @Test
    void writesTheBytesCommonsCompressWritesForTheSameEntries() throws Exception {
        Path ours = dir.resolve("ours.zip");
        try (FileChannel channel = FileChannel.open(ours, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ZipWriter zip = new ZipWriter(channel)) {
            for (Entry entry : ENTRIES) {
                entry.writeTo(zip, entry.data().length);
            }
            zip.finish();
        }
        Path theirs = dir.resolve("theirs.zip");
        try (FileChannel channel = FileChannel.open(theirs, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ZipArchiveOutputStream zip = new ZipArchiveOutputStream(channel)) {
            zip.setUseZip64(Zip64Mode.AsNeeded);
            for (Entry entry : ENTRIES) {
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.name());
                zipEntry.setMethod(entry.method());
                zipEntry.setTime(TIME.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());
                zipEntry.setUnixMode(entry.unixMode());
                zipEntry.setCrc(entry.crc());
                zipEntry.setSize(entry.data().length);
                byte[] stored = entry.stored();
                zipEntry.setCompressedSize(stored.length);
                zip.addRawArchiveEntry(zipEntry, new java.io.ByteArrayInputStream(stored));
            }
        }
        assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours));
    }

    @Test
    void anEntryExpectedToReachFourGibibytesCarriesZip64SizesThatReadersUse() throws Exception {
        Path archive = dir.resolve("zip64.zip");
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE); ZipWriter zip = new ZipWriter(channel)) {
            for (Entry entry : ENTRIES) {
                entry.writeTo(zip, entry.name().endsWith(".so") ? 5L << 30 : entry.data().length);
            }
            zip.finish();
        }
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            ZipArchiveEntry big = zip.getEntry("pkg/_native.so");
            assertTrue(big.getExtraField(new ZipShort(1)) != null, "the zip64 extra field is there");
            assertArrayEquals(NOISE, zip.getInputStream(big).readAllBytes());
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(archive.toFile())) {
            assertArrayEquals(NOISE, zip.getInputStream(zip.getEntry("pkg/_native.so")).readAllBytes());
        }
        assertEquals("ok", python(archive).strip());
    }

    @Test
    void deflatedEntriesMayBeSlightlyBiggerThanTheirDataBeforeZip64IsNeeded() {
        assertFalse(ZipWriter.mayReachZip64(ZipWriter.DEFLATED, 4_000_000_000L));
        assertTrue(ZipWriter.mayReachZip64(ZipWriter.DEFLATED, 0xFFFFFFFFL - 1000));
        assertFalse(ZipWriter.mayReachZip64(ZipWriter.STORED, 0xFFFFFFFFL - 1));
        assertTrue(ZipWriter.mayReachZip64(ZipWriter.STORED, 0xFFFFFFFFL));
    }

    @Test
    void dosTimeHoldsTheDateAndEvenSeconds() {
        int time = ZipWriter.dosTime(TIME);
        assertEquals(2026 - 1980, time >>> 25);
        assertEquals(11, time >> 21 & 0xF);
        assertEquals(30, time >> 16 & 0x1F);
        assertEquals(13, time >> 11 & 0x1F);
        assertEquals(58, time >> 5 & 0x3F);
        assertEquals(15, time & 0x1F);
    }

    /** Python's zipfile reads every entry back, checking its CRC-32, and finds each one's bytes. */
    private String python(Path archive) throws Exception {
        Assumptions.assumeTrue(onPath("python3"), "python3 is not on PATH");
        Path expected = dir.resolve("noise.bin");
        Files.write(expected, NOISE);
        String check = String.join("\n",
                "import sys, zipfile",
                "z = zipfile.ZipFile(sys.argv[1])",
                "assert z.testzip() is None",
                "noise = open(sys.argv[2], 'rb').read()",
                "assert z.read('pkg/_native.so') == noise and z.read('pkg/stored.bin') == noise",
                "assert z.read('pkg/été.txt') == 'é'.encode() and z.read('pkg/empty.txt') == b''",
                "assert z.getinfo('pkg/_native.so').external_attr >> 16 == 0o100755",
                "print('ok')");
        return new ProcessRunner(command -> { }).capture(ProcessSpec.of(dir, "python3", "-I", "-c", check,
                archive.toString(), expected.toString()), line -> { });
    }

    private record Entry(String name, int method, int unixMode, byte[] data) {

        long crc() {
            CRC32 crc = new CRC32();
            crc.update(data);
            return crc.getValue();
        }

        /** The data as the archive stores it: raw deflate, or as it is. */
        byte[] stored() {
            if (method == ZipWriter.STORED) {
                return data;
            }
            Deflater deflater = new Deflater(6, true);
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            deflater.end();
            return out.toByteArray();
        }

        void writeTo(ZipWriter zip, long expectedSize) throws IOException {
            OutputStream out = zip.startEntry(name, method, TIME, unixMode, expectedSize);
            byte[] stored = stored();
            for (int i = 0; i < stored.length; i += 100_000) { // as blocks arrive from the deflate threads
                out.write(stored, i, Math.min(100_000, stored.length - i));
            }
            zip.endEntry(crc(), data.length);
        }
    }

    private static byte[] noise(int size) {
        byte[] bytes = new byte[size];
        new Random(9).nextBytes(bytes);
        return bytes;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
