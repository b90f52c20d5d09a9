package dev.rustwheel.goals.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rustwheel.binary.NativeTools;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.RecordingLog;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * show on macOS and Windows wheels built by others (delocate's and delvewheel's test wheels): the tag and the
 * external libraries that delocate and delvewheel report for them.
 */
class ShowStepForeignTest {

    private static final BuildLog QUIET = new RecordingLog();

    @TempDir
    Path dir;

    @Test
    void showsAUniversal2WheelAsDelocateWould() throws Exception {
        Path wheel = NativeTools.resource(dir, "third-party/delocate/fakepkg1-1.0-cp36-abi3-macosx_10_9_universal2.whl");
        JsonNode json = json(wheel, List.of());

        assertEquals("macos", json.get("platform").asText());
        assertEquals("macosx_10_9_universal2", json.get("overall_tag").asText()); // the tag delocate gave it
        assertEquals(List.of("libextfunc.dylib"), names(json.get("external_libs")));
        assertEquals("", json.get("external_libs").get("libextfunc.dylib").get("path").asText());
        assertEquals(List.of("/usr/lib/libSystem.B.dylib"), texts(json.get("system_libs")));
        assertEquals("10.9", json.at("/minimum_macos/x86_64/version").asText());

        String text = show(wheel, false, List.of());
        assertTrue(text.contains("is consistent with the following platform tag: \"macosx_10_9_universal2\"")
                && text.contains("libextfunc.dylib => not found (needed by " + wheel.getFileName()
                        + "!/fakepkg1/subpkg/module2.abi3.so)"), text);
    }

    @Test
    void showsAWindowsWheelAsDelvewheelWould() throws Exception {
        Path wheel = NativeTools.resource(dir, "third-party/delvewheel/simpleext-0.0.1-cp312-cp312-win_amd64.whl");
        Path libs = Files.createDirectories(dir.resolve("libs"));
        Files.copy(NativeTools.resource(dir, "third-party/delvewheel/simpledll-x64.dll"), libs.resolve("SimpleDll.dll"));
        JsonNode json = json(wheel, List.of(libs));

        assertEquals("win_amd64", json.get("overall_tag").asText());
        assertEquals(List.of("simpledll.dll"), names(json.get("external_libs")));
        assertEquals(libs.resolve("SimpleDll.dll").toString(),
                json.get("external_libs").get("simpledll.dll").get("path").asText());
        // the pyd's and simpledll's imports: Python, the runtime CPython 3.12 ships, API sets, system DLLs
        assertEquals(List.of("api-ms-win-crt-runtime-l1-1-0.dll", "api-ms-win-crt-stdio-l1-1-0.dll", "kernel32.dll",
                "python312.dll", "vcruntime140.dll"), texts(json.get("system_libs")));

        Path win32 = NativeTools.resource(dir, "third-party/delvewheel/simpleext-0.0.1-cp312-cp312-win32.whl");
        assertEquals("win32", json(win32, List.of()).get("overall_tag").asText());
    }

    @Test
    void refusesAWheelMixingPlatforms() throws Exception {
        Path wheel = dir.resolve("mixed-1.0-py3-none-any.whl");
        try (OutputStream out = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("m/a.so"));
            zip.write(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
            zip.putNextEntry(new ZipEntry("m/b.pyd"));
            zip.write(new byte[] {'M', 'Z', 0, 0});
        }
        BuildException e = assertThrows(BuildException.class, () -> show(wheel, false, List.of()));
        assertTrue(e.isUserError() && e.getMessage().contains("mixes binaries for [Linux (a.so), Windows (b.pyd)]"),
                e.getMessage());
    }

    private String show(Path wheel, boolean json, List<Path> libraryPath) throws BuildException {
        return new ShowStep(dir.resolve("target"), QUIET).run(new ShowConfig(wheel, json, null, libraryPath,
                "parameter libraryPath"));
    }

    private JsonNode json(Path wheel, List<Path> libraryPath) throws Exception {
        return new JsonMapper().readTree(show(wheel, true, libraryPath));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
