package dev.rustwheel.project.pyproject;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.project.ProjectPaths;
import dev.rustwheel.staging.CrateInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The long description: PEP 621 {@code readme} (a file, or a table with a file or text), or Cargo.toml's readme. */
public record Readme(String text, String contentType) {

    private static final String MARKDOWN = "text/markdown; charset=UTF-8; variant=GFM";
    private static final String RST = "text/x-rst; charset=UTF-8";
    private static final String PLAIN = "text/plain; charset=UTF-8";

    static Optional<Readme> resolve(TomlTable project, boolean fromCargo, CrateInfo crate, ProjectPaths paths)
            throws ProjectException {
        if (fromCargo) {
            String readme = crate.metadata().readme();
            if (readme == null) {
                return Optional.empty();
            }
            // Cargo checked this path when it read the manifest; workspace members often share ../README.md
            Path file = crate.directory().resolve(readme).normalize();
            String type = byExtension(file).orElse(PLAIN);
            return Optional.of(new Readme(read(file, crate.manifestPath() + ": [package] readme"), type));
        }
        JsonNode readme = project.raw("readme");
        if (readme == null) {
            return Optional.empty();
        }
        if (readme.isTextual()) {
            Path file = paths.resolve(readme.asText(), project.where("readme"));
            String type = byExtension(file).orElseThrow(() -> project.error("readme", "= \"" + readme.asText()
                    + "\" has an extension that tells no content type. Rename it to .md, .rst or .txt, or write"
                    + " readme = {file = \"" + readme.asText() + "\", content-type = \"text/markdown\"}."));
            return Optional.of(new Readme(read(file, project.where("readme")), type));
        }
        if (readme.isObject()) {
            JsonNode type = readme.get("content-type");
            JsonNode file = readme.get("file");
            JsonNode text = readme.get("text");
            if (type == null || !type.isTextual() || (file == null) == (text == null)
                    || (file != null && !file.isTextual()) || (text != null && !text.isTextual())) {
                throw project.error("readme", "must be a table with content-type and either file or text, such as"
                        + " {file = \"README.md\", content-type = \"text/markdown\"}.");
            }
            String body = file != null
                    ? read(paths.resolve(file.asText(), project.where("readme.file")), project.where("readme.file"))
                    : text.asText();
            return Optional.of(new Readme(body, type.asText()));
        }
        throw project.error("readme", "must be a file name or a table, not " + TomlTable.describe(readme));
    }

    private static Optional<String> byExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return Optional.of(MARKDOWN);
        }
        if (name.endsWith(".rst")) {
            return Optional.of(RST);
        }
        if (name.endsWith(".txt") || !name.contains(".")) {
            return Optional.of(PLAIN);
        }
        return Optional.empty();
    }

    private static String read(Path file, String where) throws ProjectException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ProjectException.userError(where + ": " + file + " is not UTF-8 text. Save it as UTF-8.", e);
        } catch (IOException e) {
            throw ProjectException.userError(where + ": cannot read " + file + " (" + e + "). Create the file or fix"
                    + " the path.", e);
        }
    }
}
