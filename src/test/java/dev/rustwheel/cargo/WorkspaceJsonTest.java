package dev.rustwheel.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParseException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@link MetadataCache} keeps reads back as the workspace it was written from. */
class WorkspaceJsonTest {

    private static final String ROOT = "path+file:///work/pyo3-demo#pyo3-demo@0.3.0-alpha.2";

    /** The PyO3 test crate's workspace, taken from its recorded {@code cargo metadata}, with every field set. */
    private static CargoWorkspace workspace() throws Exception {
        try (InputStream in = WorkspaceJsonTest.class.getResourceAsStream("pyo3-demo-metadata.json")) {
            String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            CargoPackage root = new CargoPackage(ROOT, "pyo3-demo", "0.3.0-alpha.2", "Parses \"fast\"\nü",
                    List.of("Ann <ann@example.org>", "Bo"), "MIT", "LICENSE.txt", "https://example.org",
                    "https://git.example.org", "https://docs.example.org", "README.md", List.of("a", "b"),
                    Set.of("cdylib", "rlib"));
            return new CargoWorkspace(root, Path.of("/work/pyo3 demo/target"),
                    CrateGraph.resolve(CargoPackage.parse(metadata), ROOT));
        }
    }

    @Test
    void readsBackEveryFieldOfWhatItWrote() throws Exception {
        CargoWorkspace workspace = workspace();
        assertEquals(23, workspace.crates().size(), "the root and every crate it pulls in, sources null or not");

        assertEquals(workspace, WorkspaceJson.read(WorkspaceJson.write(workspace)));
    }

    @Test
    void aWorkspaceWithNothingOptionalReadsBackToo() throws Exception {
        CargoWorkspace bare = new CargoWorkspace(new CargoPackage("id", "demo", "0.1.0", null, List.of(), null, null,
                null, null, null, null, List.of(), Set.of()), Path.of("/t"), List.of());

        assertEquals(bare, WorkspaceJson.read(WorkspaceJson.write(bare)));
    }

    @Test
    void damagedEntriesFailNamingTheValue() throws Exception {
        String written = WorkspaceJson.write(workspace());
        assertEquals("/crates/0/runtime must be true or false, not the string \"yes\"",
                assertThrows(JsonParseException.class, () -> WorkspaceJson.read(
                        written.replaceFirst("\"runtime\":true", "\"runtime\":\"yes\""))).getOriginalMessage());
        assertEquals("/rootPackage/crateTypes is missing", assertThrows(JsonParseException.class,
                () -> WorkspaceJson.read(written.replaceFirst(",\"crateTypes\":\\[[^]]*]", ""))).getOriginalMessage());
        assertThrows(JsonParseException.class, () -> WorkspaceJson.read(written.substring(0, written.length() / 2)));
    }
}
