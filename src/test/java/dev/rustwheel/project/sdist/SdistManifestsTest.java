package dev.rustwheel.project.sdist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The expected texts are what maturin 1.15's {@code maturin sdist} wrote for the same inputs. */
class SdistManifestsTest {

    @Test
    void namesTheReadmeCargoFoundAtTheEndOfPackage() {
        String cargo = "[package]\nname = \"mixed-native\"\nversion = \"0.0.1\"\nedition = \"2021\"\npublish = false\n"
                + "\n[lib]\nname = \"_native\"\n";
        assertEquals("[package]\nname = \"mixed-native\"\nversion = \"0.0.1\"\nedition = \"2021\"\npublish = false\n"
                + "readme = \"README.md\"\n\n[lib]\nname = \"_native\"\n", SdistManifests.withReadme(cargo, "README.md"));
    }

    @Test
    void keepsAReadmeTheUserSet() {
        String cargo = "[package]\nname = \"a\"\nreadme.workspace = true\n";
        assertEquals(cargo, SdistManifests.withReadme(cargo, "README.md"));
        String virtual = "[workspace]\nmembers = [\"a\"]\n";
        assertEquals(virtual, SdistManifests.withReadme(virtual, "README.md"));
    }

    @Test
    void addsTheMaturinTableWithTheManifestPath() {
        String pyproject = "[project]\nname = \"ws-py\"\nversion = \"0.3.0\"\n";
        assertEquals(pyproject + "\n[tool]\n\n[tool.maturin]\nmanifest-path = \"py/Cargo.toml\"\n",
                SdistManifests.withManifestPath(pyproject, "py/Cargo.toml"));
    }

    @Test
    void putsTheManifestPathLastButForPythonSource() {
        String pyproject = "[project]\nname = \"ws-py\"\n\n[tool.maturin]\npython-source = \"python\"\n"
                + "module-name = \"ws_py.ws_py\"\ninclude = [{ path = \"extra.txt\", format = \"sdist\" }]\n";
        assertEquals("[project]\nname = \"ws-py\"\n\n[tool.maturin]\nmodule-name = \"ws_py.ws_py\"\n"
                        + "include = [{ path = \"extra.txt\", format = \"sdist\" }]\nmanifest-path = \"py/Cargo.toml\"\n"
                        + "python-source = \"python\"\n",
                SdistManifests.withManifestPath(pyproject, "py/Cargo.toml"));
    }

    @Test
    void keepsTheWorkspaceMembersTheSdistHoldsOnOneLine() {
        String cargo = "[workspace]\nmembers = [\n    \"py\", # the module\n    \"common\",\n    \"tools/*\",\n    \"doc\",\n]\n"
                + "default-members = [\n    \"py\",\n]\nresolver = \"2\"\n\n[workspace.package]\nversion = \"1.0.0\"\n";
        assertEquals("[workspace]\nmembers = [\"py\", \"common\", \"tools/*\"]\nresolver = \"2\"\n\n"
                + "[workspace.package]\nversion = \"1.0.0\"\n",
                SdistManifests.withWorkspaceMembers(cargo, List.of("common", "py", "tools/gen")));
    }

    @Test
    void dropsMembersAndAnEmptiedWorkspaceTable() {
        String cargo = "[package]\nname = \"a\"\n\n[workspace]\nmembers = [\"tool\"]\n\n[lib]\nname = \"a\"\n";
        assertEquals("[package]\nname = \"a\"\n\n[lib]\nname = \"a\"\n",
                SdistManifests.withWorkspaceMembers(cargo, List.of()));
        String plain = "[package]\nname = \"a\"\n";
        assertEquals(plain, SdistManifests.withWorkspaceMembers(plain, List.of()));
    }

    @Test
    void setsTheConfiguredVersionInProject() {
        assertEquals("[project]\nname = \"a\"\nversion = \"2.0.0.dev0\"\n\n[tool.maturin]\nversion = \"x\"\n",
                SdistManifests.withProjectVersion("[project]\nname = \"a\"\nversion = \"1.0\"\n\n[tool.maturin]\n"
                        + "version = \"x\"\n", "2.0.0.dev0").orElseThrow());
        assertEquals("[project]\nname = \"a\"\nversion = \"2.0\"\ndynamic = [\"description\"]\n",
                SdistManifests.withProjectVersion("[project]\nname = \"a\"\ndynamic = [\n  \"version\",\n"
                        + "  \"description\",\n]\n", "2.0").orElseThrow());
        assertEquals("[project]\nname = \"a\"\nversion = \"2.0\"\n",
                SdistManifests.withProjectVersion("[project]\nname = \"a\"\ndynamic = [\"version\"]\n", "2.0")
                        .orElseThrow());
        assertTrue(SdistManifests.withProjectVersion("[tool.maturin]\n", "2.0").isEmpty());
    }
}
