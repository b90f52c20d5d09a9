package dev.rustwheel.index;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body as requests-toolbelt (twine's encoder) writes it: each field a part with only a
 * {@code Content-Disposition} header and its UTF-8 value, the file last as part {@code content} with its file name
 * and {@code application/octet-stream}. The file is streamed from disk, never held in memory.
 */
final class MultipartBody {

    private final String boundary;
    private final UploadForm form;

    MultipartBody(UploadForm form) {
        this(form, UUID.randomUUID().toString().replace("-", ""));
    }

    MultipartBody(UploadForm form, String boundary) {
        this.form = form;
        this.boundary = boundary;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher publisher() throws FileNotFoundException {
        return HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head()),
                HttpRequest.BodyPublishers.ofFile(form.file()), HttpRequest.BodyPublishers.ofByteArray(tail()));
    }

    /** Every field, then the file part's headers. */
    byte[] head() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (UploadForm.Field field : form.fields()) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.name() + "\"\r\n\r\n"
                    + field.value() + "\r\n");
        }
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\""
                + form.file().getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        return out.toByteArray();
    }

    byte[] tail() {
        return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
