package dev.rustwheel.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.project.pyproject.LicenseFiles;
import dev.rustwheel.project.pyproject.ProjectMetadata;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every PEP 621 field, its METADATA line, its Cargo.toml fallback and its error. */
class ProjectMetadataFieldsTest {

    @TempDir
    Path dir;

    private final CrateMetadata cargo = new CrateMetadata("From cargo", List.of("Jane Doe <jane@example.org>", "Bob"),
            "MIT OR Apache-2.0", null, "https://example.org", "https://example.org/repo", "https://docs.rs/x",
            "README.md", List.of("parse", "fast"));

    private CrateInfo crate() {
        return new CrateInfo(dir.resolve("Cargo.toml"), "fast-parse", "1.0.0-beta.2", null, cargo, Map.of());
    }

    private ProjectMetadata resolve(String toml) throws Exception {
        Files.writeString(dir.resolve("pyproject.toml"), toml);
        return ProjectMetadata.resolve(dir.resolve("pyproject.toml"), crate());
    }

    private String render(String toml) throws Exception {
        return resolve(toml).coreMetadata().render();
    }

    private String error(String toml) {
        ProjectException e = assertThrows(ProjectException.class, () -> resolve(toml));
        assertTrue(e.isUserError());
        return e.getMessage();
    }

    private void readme(String text) throws IOException {
        Files.writeString(dir.resolve("README.md"), text);
    }

    @Test
    void everyFieldReachesMetadata() throws Exception {
        readme("# Fast\n");
        Files.writeString(dir.resolve("LICENSE"), "MIT");
        String metadata = render("""
                [project]
                name = "fast-parse"
                version = "1.0"
                description = "Parses fast"
                readme = "README.md"
                requires-python = ">=3.9"
                license = "MIT"
                authors = [{name = "Jane Doe", email = "jane@example.org"}, {name = "Bob"}, {email = "x@example.org"}]
                maintainers = [{name = "Max"}]
                keywords = ["parse", "fast"]
                classifiers = ["Programming Language :: Rust"]
                dependencies = ["attrs>=20"]
                [project.optional-dependencies]
                Dev_Tools = ["pytest; python_version < '4'"]
                [project.urls]
                Homepage = "https://example.org"
                """);
        assertEquals("""
                Metadata-Version: 2.4
                Name: fast-parse
                Version: 1.0
                Classifier: Programming Language :: Rust
                Requires-Dist: attrs>=20
                Requires-Dist: pytest ; python_version < '4' and extra == 'dev-tools'
                Provides-Extra: dev-tools
                License-File: LICENSE
                Summary: Parses fast
                Keywords: parse,fast
                Home-Page: https://example.org
                Author: Bob
                Author-email: Jane Doe <jane@example.org>, x@example.org
                Maintainer: Max
                License-Expression: MIT
                Requires-Python: >=3.9
                Description-Content-Type: text/markdown; charset=UTF-8; variant=GFM
                Project-URL: Homepage, https://example.org

                # Fast

                """, metadata, "maturin 1.15 writes these fields in this order; Home-Page from Cargo.toml even so");
    }

    @Test
    void withoutProjectTableEveryFieldComesFromCargo() throws Exception {
        readme("cargo readme");
        String metadata = render("[tool.maturin]\n");
        assertEquals("""
                Metadata-Version: 2.4
                Name: fast-parse
                Version: 1.0.0b2
                Summary: From cargo
                Keywords: parse,fast
                Home-Page: https://example.org
                Author: Jane Doe <jane@example.org>, Bob
                Author-email: Jane Doe <jane@example.org>, Bob
                License: MIT OR Apache-2.0
                Description-Content-Type: text/markdown; charset=UTF-8; variant=GFM
                Project-URL: Homepage, https://example.org
                Project-URL: Documentation, https://docs.rs/x
                Project-URL: Source Code, https://example.org/repo

                cargo readme
                """, metadata, "as maturin's test_metadata_from_cargo_toml: authors as written in both fields");
    }

    @Test
    void onlyDynamicFieldsComeFromCargo() throws Exception {
        String metadata = render("""
                [project]
                name = "fast-parse"
                dynamic = ["version", "description"]
                """);
        assertTrue(metadata.contains("Version: 1.0.0b2\nSummary: From cargo\n"), metadata);
        assertTrue(!metadata.contains("Author") && !metadata.contains("Keywords"), metadata);
    }

    @Test
    void aFieldBothDynamicAndSetIsMergedAsMaturinMergesItWithAWarning() throws Exception {
        Files.writeString(dir.resolve("LICENSE"), "MIT");
        ProjectMetadata pure = resolve("""
                [project]
                name = "pyo3_pure"
                version = "0.1.0"
                license = { file = "LICENSE" }
                description = "Mine"
                dynamic = ["license", "description"]
                """);
        String metadata = pure.coreMetadata().render();
        assertTrue(metadata.contains("License-File: LICENSE\nSummary: Mine\n") && metadata.contains("License: MIT OR"
                + " Apache-2.0\n"), "Cargo's license beside [project]'s file, [project]'s summary:\n" + metadata);
        assertEquals(2, pure.warnings().size(), pure.warnings().toString());
        assertTrue(pure.warnings().get(0).contains("[project] dynamic lists 'license', but [project] also sets"
                + " license") && pure.warnings().get(0).contains("as maturin does"), pure.warnings().get(0));
        assertEquals(List.of(), resolve("[project]\nname = \"x\"\ndynamic = [\"version\"]\n").warnings());
    }

    @Test
    void entryPointsFromAllThreeTables() throws Exception {
        ProjectMetadata metadata = resolve("""
                [project]
                name = "x"
                version = "1"
                [project.scripts]
                fp = "fast.cli:main"
                [project.gui-scripts]
                fpw = "fast.gui:main"
                [project.entry-points."fast.plugins"]
                json = "fast.json"
                """);
        assertEquals("[console_scripts]\nfp=fast.cli:main\n[gui_scripts]\nfpw=fast.gui:main\n"
                + "[fast.plugins]\njson=fast.json\n", metadata.entryPoints().render());
    }

    @Test
    void licenseFilesAreDiscoveredOrGlobbed() throws Exception {
        Files.writeString(dir.resolve("LICENSE-MIT"), "m");
        Files.writeString(dir.resolve("NOTICE"), "n");
        Files.writeString(dir.resolve("COPYRIGHT"), "not a default pattern");
        Files.createDirectories(dir.resolve("legal"));
        Files.writeString(dir.resolve("legal/third-party.txt"), "t");
        assertEquals(List.of("LICENSE-MIT", "NOTICE"), resolve("[project]\nname = \"x\"\nversion = \"1\"\n")
                .licenseFiles().stream().map(LicenseFiles.LicenseFile::path).toList());
        assertEquals(List.of("COPYRIGHT", "legal/third-party.txt"), resolve("""
                [project]
                name = "x"
                version = "1"
                license-files = ["COPYRIGHT", "legal/*.txt"]
                """).licenseFiles().stream().map(LicenseFiles.LicenseFile::path).toList());
    }

    @Test
    void licenseFilesInMaturinsOrderTheTablesFileFirstThenEachPatternsMatches() throws Exception {
        for (String name : List.of("AUTHORS.txt", "LICENCE.txt", "LICENSE", "NOTICE.md")) {
            Files.writeString(dir.resolve(name), name);
        }
        assertEquals(List.of("LICENCE.txt", "LICENSE", "NOTICE.md", "AUTHORS.txt"), resolve("""
                [project]
                name = "license-test"
                version = "1"
                license = { file = "LICENCE.txt" }
                """).licenseFiles().stream().map(LicenseFiles.LicenseFile::path).toList(),
                "as maturin 1.15 lists them for its test crate license-test");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "description = \"two\\nlines\"|[project] description must be a single line",
            "readme = \"README.pdf\"|[project] readme = \"README.pdf\" has an extension",
            "readme = \"missing.md\"|[project] readme: cannot read",
            "readme = \"../outside.md\"|points outside the project directory",
            "readme = {file = \"README.md\"}|[project] readme must be a table with content-type",
            "readme = 3|[project] readme must be a file name or a table",
            "requires-python = \"3.9\"|[project] requires-python = \"3.9\" is not a version specifier set",
            "license = \"MIT or whatever, really\"|[project] license = \"MIT or whatever, really\" is not an SPDX",
            "license = {file = \"NOPE\"}|[project] license names the file 'NOPE', which does not exist",
            "license = {text = \"a\\nb\"}|[project] license text must be a single line",
            "license-files = [\"LICENSE*\"]|[project] license-files pattern 'LICENSE*' matches no file",
            "license-files = [\"../x\"]|points outside the project directory",
            "authors = [{name = \"A\", mail = \"a@b.c\"}]|[project] authors holds a table",
            "authors = \"Jane\"|[project] authors must be an array of tables",
            "authors = [{name = \"Doe, Jane\"}]|contains a comma",
            "maintainers = [{email = \"not-an-address\"}]|[project] maintainers email \"not-an-address\" is not an e-mail",
            "keywords = \"a, b\"|[project] keywords must be an array of strings",
            "classifiers = [1]|[project] classifiers must be an array of strings, but holds the number 1",
            "urls = {\"A label that is much longer than thirty-two\" = \"https://e.org\"}|at most 32 characters",
            "urls = {Home = \"example.org\"}|\"Home\" = \"example.org\" is not a URL",
            "dependencies = [\"requests >=\"]|[project] dependencies holds an invalid dependency",
            "optional-dependencies = {dev = [\"pytest; os_nam == 'x'\"]}|[project.optional-dependencies] dev holds an invalid dependency",
            "optional-dependencies = {\"-dev\" = []}|[project] optional-dependencies '-dev' is not a valid extra name",
            "optional-dependencies = {Dev = [], dev = []}|declares the extra 'dev' twice",
            "scripts = {fp = \"not a reference\"}|[project] scripts entry point 'fp'",
            "entry-points = {console_scripts = {fp = \"a:b\"}}|[project.entry-points] console_scripts must not be declared here",
            "dynamic = [\"name\"]|[project] dynamic lists 'name'",
    })
    void everyBadFieldNamesFileTableAndKey(String field, String expected) throws Exception {
        readme("r");
        String toml = "[project]\nname = \"x\"\n" + (field.startsWith("dynamic") ? "" : "version = \"1\"\n")
                + field.replace("\\n", "\n") + "\n";
        String message = error(toml.replace("\"two\n", "\"two\\n").replace("\"a\nb\"", "\"a\\nb\""));
        assertTrue(message.startsWith(dir.resolve("pyproject.toml").toString()) || message.contains("pyproject.toml"),
                message);
        assertTrue(message.contains(expected), message);
    }

    @Test
    void aMultiLineCargoDescriptionNamesCargoToml() {
        CrateMetadata multiLine = new CrateMetadata("one\ntwo", List.of(), null, null, null, null, null, null, List.of());
        ProjectException e = assertThrows(ProjectException.class, () -> ProjectMetadata.resolve(dir.resolve("none.toml"),
                new CrateInfo(dir.resolve("Cargo.toml"), "x", "1.0.0", null, multiLine, Map.of())));
        assertTrue(e.getMessage().startsWith(dir.resolve("Cargo.toml") + ": [package] description"), e.getMessage());
    }
}
