package dev.rustwheel.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a request recorded from Debian's twine 4.0.2 uploading the same fixture wheel
 * ({@code twine upload --repository-url http://127.0.0.1:PORT/legacy/ demo_upload-1.2.0-….whl} to the ITs' recording
 * index, src/it/_shared/index_server.py).
 */
class UploadFormTest {

    private static final String WHEEL = "demo_upload-1.2.0-cp311-cp311-manylinux_2_17_x86_64.whl";

    /** One part of a multipart body: its header lines and its bytes. */
    record Part(String headers, byte[] value) {
        String text() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    @TempDir
    static Path tempDir;

    private static Path wheel;
    private static List<Part> twine;

    @BeforeAll
    static void setUp() throws Exception {
        wheel = tempDir.resolve(WHEEL);
        try (InputStream in = UploadFormTest.class.getResourceAsStream(WHEEL)) {
            Files.copy(in, wheel);
        }
        try (InputStream in = UploadFormTest.class.getResourceAsStream("twine-4.0.2-upload.multipart")) {
            twine = parts(in.readAllBytes());
        }
    }

    /** Splits a multipart body at its boundary (the first line), as a server would. */
    static List<Part> parts(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1); // one char per byte, so offsets are byte offsets
        String delimiter = text.substring(0, text.indexOf("\r\n"));
        assertTrue(text.endsWith(delimiter + "--\r\n"), "the body does not end with its closing delimiter");
        List<Part> parts = new ArrayList<>();
        int start = delimiter.length() + 2;
        while (true) {
            int end = text.indexOf("\r\n" + delimiter, start);
            String part = text.substring(start, end);
            int split = part.indexOf("\r\n\r\n");
            parts.add(new Part(part.substring(0, split), Arrays.copyOfRange(body, start + split + 4, end)));
            start = end + 2 + delimiter.length();
            if (text.startsWith("--", start)) {
                return parts;
            }
            start += 2;
        }
    }

    private static String fieldName(Part part) {
        String headers = part.headers();
        int from = headers.indexOf("name=\"") + 6;
        return headers.substring(from, headers.indexOf('"', from));
    }

    @Test
    void theFormHasTwinesFieldsInTwinesOrderWithTwinesValues() throws Exception {
        List<UploadForm.Field> ours = UploadForm.of(wheel).fields();
        List<Part> theirs = twine.subList(0, twine.size() - 1);
        List<String> ourNames = ours.stream().map(UploadForm.Field::name).toList();
        assertEquals(theirs.stream().map(UploadFormTest::fieldName).toList(), ourNames);
        for (int i = 0; i < ours.size(); i++) {
            assertEquals(theirs.get(i).text(), ours.get(i).value(), "field " + ours.get(i).name());
        }
    }

    @Test
    void theBodyIsTwinesPartForPartFileIncluded() throws Exception {
        MultipartBody body = new MultipartBody(UploadForm.of(wheel), "b99ed1f680f94d4eaad40c7e13d695c2");
        byte[] file = Files.readAllBytes(wheel);
        byte[] head = body.head();
        byte[] tail = body.tail();
        byte[] all = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(file, 0, all, head.length, file.length);
        System.arraycopy(tail, 0, all, head.length + file.length, tail.length);
        List<Part> ours = parts(all);
        assertEquals(twine.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            assertEquals(twine.get(i).headers(), ours.get(i).headers(), "headers of part " + i);
            assertArrayEquals(twine.get(i).value(), ours.get(i).value(), "value of part " + fieldName(ours.get(i)));
        }
        assertEquals("multipart/form-data; boundary=b99ed1f680f94d4eaad40c7e13d695c2", body.contentType());
    }

    @Test
    void anSdistIsASourceUploadReadFromItsPkgInfo() throws Exception {
        Path sdist = tempDir.resolve("demo_upload-1.2.0.tar.gz");
        try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                new java.util.zip.GZIPOutputStream(Files.newOutputStream(sdist)))) {
            byte[] pkgInfo = "Metadata-Version: 2.4\nName: demo_upload\nVersion: 1.2.0\nLicense-Expression: MIT\n\n"
                    .getBytes(StandardCharsets.UTF_8);
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("demo_upload-1.2.0/PKG-INFO");
            entry.setSize(pkgInfo.length);
            out.putArchiveEntry(entry);
            out.write(pkgInfo);
            out.closeArchiveEntry();
        }
        UploadForm form = UploadForm.of(sdist);
        assertTrue(form.fields().contains(new UploadForm.Field("filetype", "sdist")));
        assertTrue(form.fields().contains(new UploadForm.Field("pyversion", "source")));
        assertTrue(form.fields().contains(new UploadForm.Field("name", "demo-upload")));
        assertTrue(form.fields().contains(new UploadForm.Field("license_expression", "MIT")));
    }

    @Test
    void filesThatAreNotDistributionsAreRefusedNamingThem() throws Exception {
        Path jar = Files.writeString(tempDir.resolve("demo.jar"), "x");
        UploadException e = assertThrows(UploadException.class, () -> UploadForm.of(jar));
        assertTrue(e.getMessage().contains(jar.toString()) && e.getMessage().contains(".whl"), e.getMessage());
        Path notAZip = Files.writeString(tempDir.resolve("broken-1.0-py3-none-any.whl"), "not a zip");
        e = assertThrows(UploadException.class, () -> UploadForm.of(notAZip));
        assertTrue(e.getMessage().contains(notAZip.toString()), e.getMessage());
    }
}
