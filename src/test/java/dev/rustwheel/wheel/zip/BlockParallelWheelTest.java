package dev.rustwheel.wheel.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.process.ProcessSpec;
import dev.rustwheel.wheel.RecordRow;
import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wheels whose large entries are deflated block by block on several threads. */
class BlockParallelWheelTest {

    private static final String DIST_INFO = "big-1.0.dist-info";

    @TempDir
    Path dir;

    @Test
    void theWheelIsTheSameForOneTwoAndEightThreads() throws Exception {
        Path library = library();
        byte[] one = Files.readAllBytes(write(library, 1, "one"));
        assertArrayEquals(one, Files.readAllBytes(write(library, 2, "two")));
        assertArrayEquals(one, Files.readAllBytes(write(library, 8, "eight")));
    }

    @Test
    void recordHoldsTheSha256OfASequentialPassAndNoPartFileStays() throws Exception {
        Path library = library();
        Path wheel = write(library, 2, "w");
        List<RecordRow> rows = new WheelWriter(WheelWriter.ZIP_EPOCH, Compression.DEFAULT, 2, p -> { })
                .write(dir.resolve("again/" + wheel.getFileName()), DIST_INFO, payload(library), List.of());
        byte[] bytes = Files.readAllBytes(library);
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(new RecordRow("big/_native.so", expected, bytes.length), rows.get(1));
        try (var files = Files.list(wheel.getParent())) {
            assertEquals(List.of(wheel), files.toList(), "no .part file stays");
        }
    }

    @Test
    void pythonsZipfileReadsEveryEntryBackWithItsCrcAndDigest() throws Exception {
        Assumptions.assumeTrue(onPath("python3"), "python3 is not on PATH");
        Path wheel = write(library(), 2, "py");
        String check = String.join("\n",
                "import base64, csv, hashlib, io, sys, zipfile",
                "z = zipfile.ZipFile(sys.argv[1])",
                "assert z.testzip() is None", // reads every entry, checking its CRC-32
                "rows = list(csv.reader(io.StringIO(z.read('" + DIST_INFO + "/RECORD').decode())))",
                "for path, digest, size in rows[:-1]:",
                "    data = z.read(path)",
                "    expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()",
                "    assert digest == 'sha256=' + expected and int(size) == len(data), path",
                "print('ok', z.getinfo('big/_native.so').file_size)");
        String out = new ProcessRunner(command -> { })
                .capture(ProcessSpec.of(dir, "python3", "-I", "-c", check, wheel.toString()), line -> { });
        assertEquals("ok " + Files.size(library()) + "\n", out);
    }

    /** 9 MiB: compressible text, then random bytes: far more than the writer buffers. */
    private Path library() throws IOException {
        Path file = dir.resolve("native.so");
        if (!Files.exists(file)) {
            byte[] bytes = ParallelDeflateOutputStreamTest.sample(9 << 20);
            byte[] noise = new byte[5 << 20];
            new Random(14).nextBytes(noise);
            System.arraycopy(noise, 0, bytes, 4 << 20, noise.length);
            Files.write(file, bytes);
        }
        return file;
    }

    private Path write(Path library, int threads, String directory) throws IOException {
        Path wheel = dir.resolve(directory + "/big-1.0-py3-none-any.whl");
        new WheelWriter(WheelWriter.ZIP_EPOCH, Compression.DEFAULT, threads, p -> { })
                .write(wheel, DIST_INFO, payload(library), List.of());
        return wheel;
    }

    private static List<WheelEntry> payload(Path library) {
        return List.of(new WheelEntry("big/__init__.py", EntryContent.ofBytes("x = 1\n".getBytes()), false),
                new WheelEntry("big/_native.so", EntryContent.ofFile(library), false),
                new WheelEntry("big/empty.txt", EntryContent.ofBytes(new byte[0]), false));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
