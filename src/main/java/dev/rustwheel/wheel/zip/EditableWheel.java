package dev.rustwheel.wheel.zip;

import dev.rustwheel.wheel.InvalidWheelException;
import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Turns a built wheel into an editable one in the sense of PEP 660: every file that the wheel took, unchanged, from
 * the project's Python sources is left out and found in the project instead, through a meta path finder that a
 * {@code .pth} file installs; what was built (the native module, generated files, {@code .dist-info}) stays in the
 * wheel, so pip installs and uninstalls it and {@code importlib.metadata} sees the distribution. A package's search
 * path lists the project's directory first and the installed one second, so {@code pkg._native} imports from
 * site-packages while {@code pkg/__init__.py} and every other module is the one in the project.
 */
public final class EditableWheel {

    private EditableWheel() {
    }

    /**
     * @param wheel      the wheel built from the project
     * @param sourceRoot the directory the wheel's Python files were taken from (the python-source directory)
     * @param editable   where to write the editable wheel
     * @return the top-level modules and packages now used from the project, by name
     */
    public static Map<String, Path> write(Path wheel, Path sourceRoot, Path editable, WheelWriter writer)
            throws IOException, InvalidWheelException {
        WheelArchive archive = WheelArchive.read(wheel);
        String distInfo = null;
        List<WheelEntry> payload = new ArrayList<>();
        List<WheelEntry> distInfoFiles = new ArrayList<>();
        Map<String, Path> fromProject = new TreeMap<>();
        try (ZipFile zip = ZipFile.builder().setPath(wheel).get()) {
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String path = entry.getName();
                byte[] bytes = read(zip, entry);
                boolean executable = (entry.getUnixMode() & 0100) != 0;
                int slash = path.indexOf('/');
                String top = slash < 0 ? path : path.substring(0, slash);
                if (top.endsWith(".dist-info")) {
                    distInfo = top;
                    String inside = path.substring(slash + 1);
                    if (!inside.equals("RECORD")) {
                        distInfoFiles.add(new WheelEntry(inside, EntryContent.ofBytes(bytes), executable));
                    }
                } else if (!top.endsWith(".data") && isUnchangedSource(sourceRoot, path, bytes)) {
                    String module = slash < 0 ? top.substring(0, top.lastIndexOf('.')) : top;
                    fromProject.put(module, sourceRoot.resolve(top).toAbsolutePath().normalize());
                } else {
                    payload.add(new WheelEntry(path, EntryContent.ofBytes(bytes), executable));
                }
            }
        }
        if (!fromProject.isEmpty()) {
            String hook = "_rustwheel_editable_" + archive.distribution().wheelEscaped();
            payload.add(new WheelEntry(hook + ".py", text(finder(archive, fromProject)), false));
            payload.add(new WheelEntry(hook + ".pth", text("import " + hook + "\n"), false));
        }
        writer.write(editable, distInfo, payload, distInfoFiles);
        return fromProject;
    }

    private static boolean isUnchangedSource(Path sourceRoot, String path, byte[] bytes) throws IOException {
        Path source = sourceRoot.resolve(path);
        return Files.isRegularFile(source) && Arrays.equals(Files.readAllBytes(source), bytes);
    }

    private static String finder(WheelArchive archive, Map<String, Path> fromProject) {
        String sources = fromProject.entrySet().stream()
                .map(e -> "    " + pythonString(e.getKey()) + ": " + pythonString(e.getValue().toString()) + ",\n")
                .collect(Collectors.joining());
        return "\"\"\"Editable install of " + archive.distribution().value() + " by rustwheel: its Python sources"
                + " are used from the project.\"\"\"\n"
                + "import importlib.abc\nimport importlib.util\nimport os\nimport sys\n\n"
                + "_SOURCES = {\n" + sources + "}\n"
                + "_INSTALLED = os.path.dirname(os.path.abspath(__file__))\n\n\n"
                + "class _ProjectFinder(importlib.abc.MetaPathFinder):\n"
                + "    def find_spec(self, fullname, path=None, target=None):\n"
                + "        source = _SOURCES.get(fullname)\n"
                + "        if source is None:\n"
                + "            return None\n"
                + "        if os.path.isdir(source):\n"
                + "            # the project's sources first, then what was built (the native module) in site-packages\n"
                + "            locations = [source, os.path.join(_INSTALLED, fullname)]\n"
                + "            return importlib.util.spec_from_file_location(\n"
                + "                fullname, os.path.join(source, \"__init__.py\"), submodule_search_locations=locations)\n"
                + "        return importlib.util.spec_from_file_location(fullname, source)\n\n\n"
                + "sys.meta_path.insert(0, _ProjectFinder())\n";
    }

    /** A Python string literal; paths may hold quotes and backslashes. */
    static String pythonString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static EntryContent text(String text) {
        return EntryContent.ofBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] read(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
