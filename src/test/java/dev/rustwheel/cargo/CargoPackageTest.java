package dev.rustwheel.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On {@code cargo metadata --format-version=1 --no-deps} output for a workspace of two members. */
class CargoPackageTest {

    @TempDir
    Path tempDir;

    private Path parser;
    private Path cli;
    private String metadata;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(tempDir.resolve("Cargo.toml"), "[workspace]\nmembers = [\"parser\", \"cli\"]\n");
        parser = Files.createDirectories(tempDir.resolve("parser")).resolve("Cargo.toml");
        cli = Files.createDirectories(tempDir.resolve("cli")).resolve("Cargo.toml");
        Files.writeString(parser, "[package]\nname = \"fast-parse\"\n");
        Files.writeString(cli, "[package]\nname = \"fp-cli\"\n");
        metadata = "{\"packages\":["
                + pkg("fast-parse", "1.2.0", parser) + ","
                + pkg("fp-cli", "0.3.0-rc.1", cli).replace("\"targets\":[]", "\"targets\":["
                        + "{\"kind\":[\"cdylib\",\"rlib\"],\"crate_types\":[\"cdylib\",\"rlib\"]},"
                        + "{\"kind\":[\"bin\"],\"crate_types\":[\"bin\"]}]")
                + "],\"workspace_members\":[],\"resolve\":null,\"target_directory\":\"" + tempDir.resolve("target")
                + "\",\"version\":1,\"workspace_root\":\"" + tempDir + "\",\"metadata\":null}";
    }

    private static String pkg(String name, String version, Path manifest) {
        return "{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"id\":\"path+file://"
                + manifest.getParent() + "#" + name + "@" + version + "\",\"dependencies\":[],\"targets\":[],"
                + "\"features\":{},\"manifest_path\":\"" + manifest + "\",\"edition\":\"2021\"}";
    }

    @Test
    void readsTheTargetDirectoryTheWorkspaceShares() throws Exception {
        assertEquals(tempDir.resolve("target"), CargoPackage.targetDirectory(CargoPackage.parse(metadata)));
    }

    @Test
    void metadataWithoutATargetDirectoryIsUnexpectedOutput() {
        CargoException e = assertThrows(CargoException.class,
                () -> CargoPackage.targetDirectory(CargoPackage.parse("{\"packages\":[]}")));

        assertEquals(CargoException.Reason.UNEXPECTED_OUTPUT, e.reason());
        assertTrue(e.getMessage().contains("target_directory"), e.getMessage());
    }

    @Test
    void picksThePackageWhoseManifestIsTheOneAskedFor() throws Exception {
        CargoPackage picked = CargoPackage.fromMetadata(CargoPackage.parse(metadata), cli);

        assertEquals(new CargoPackage("path+file://" + cli.getParent() + "#fp-cli@0.3.0-rc.1", "fp-cli",
                "0.3.0-rc.1", null, List.of(), null, null, null, null, null, null, List.of(), Set.of("cdylib", "rlib", "bin")), picked);
        assertTrue(picked.buildsCdylib());
        assertFalse(CargoPackage.fromMetadata(CargoPackage.parse(metadata), parser).buildsCdylib());
    }

    @Test
    void matchesTheManifestWhateverWayItsPathIsSpelled() throws Exception {
        Path roundabout = tempDir.resolve("cli/../parser/./Cargo.toml");

        assertEquals("fast-parse", CargoPackage.fromMetadata(CargoPackage.parse(metadata), roundabout).name());
    }

    @Test
    void matchesThroughASymlinkedDirectory() throws Exception {
        Path link = Files.createSymbolicLink(tempDir.resolve("linked"), tempDir.resolve("parser"));

        assertEquals("fast-parse",
                CargoPackage.fromMetadata(CargoPackage.parse(metadata), link.resolve("Cargo.toml")).name());
    }

    @Test
    void aVirtualManifestIsNoPackage() {
        Path workspace = tempDir.resolve("Cargo.toml");

        CargoException e = assertThrows(CargoException.class,
                () -> CargoPackage.fromMetadata(CargoPackage.parse(metadata), workspace));

        assertEquals(CargoException.Reason.NO_MANIFEST, e.reason());
        assertTrue(e.getMessage().contains(workspace.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("manifestPath"), e.getMessage());
    }

    @Test
    void outputThatIsNotJsonIsUnexpected() {
        CargoException e = assertThrows(CargoException.class,
                () -> CargoPackage.parse("warning: something odd\n{"));

        assertEquals(CargoException.Reason.UNEXPECTED_OUTPUT, e.reason());
    }

    @Test
    void existsOnlyForAFile() throws Exception {
        assertTrue(CargoPackage.exists(parser));
        assertEquals(false, CargoPackage.exists(tempDir.resolve("missing/Cargo.toml")));
        assertEquals(false, CargoPackage.exists(tempDir.resolve("parser")));
    }
}
