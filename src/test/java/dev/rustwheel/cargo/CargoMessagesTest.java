package dev.rustwheel.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fed with lines as {@code cargo build --release --message-format=json-render-diagnostics} prints them. */
class CargoMessagesTest {

    private static final String ROOT = "path+file:///work/demo#0.1.0";
    private static final String DEP = "path+file:///work/dep#0.2.0";

    private final List<String> other = new ArrayList<>();
    private final CargoMessages messages = new CargoMessages(ROOT, other::add);

    private static String artifact(String packageId, String kinds, String crateTypes, String name, String filenames,
            boolean fresh) {
        return "{\"reason\":\"compiler-artifact\",\"package_id\":\"" + packageId + "\",\"manifest_path\":"
                + "\"/work/demo/Cargo.toml\",\"target\":{\"kind\":[" + kinds + "],\"crate_types\":[" + crateTypes
                + "],\"name\":\"" + name + "\",\"src_path\":\"/work/demo/src/lib.rs\",\"edition\":\"2021\","
                + "\"doc\":true,\"doctest\":true,\"test\":true},\"profile\":{\"opt_level\":\"3\",\"debuginfo\":0,"
                + "\"debug_assertions\":false,\"overflow_checks\":false,\"test\":false},\"features\":[],"
                + "\"filenames\":[" + filenames + "],\"executable\":null,\"fresh\":" + fresh + "}";
    }

    private static String buildScriptExecuted(String packageId, String linkedPaths) {
        return "{\"reason\":\"build-script-executed\",\"package_id\":\"" + packageId + "\",\"linked_libs\":[],"
                + "\"linked_paths\":[" + linkedPaths + "],\"cfgs\":[],\"env\":[],"
                + "\"out_dir\":\"/work/demo/target/release/build/x-f7b1f4d624683b4d/out\"}";
    }

    @Test
    void aCdylibWithAnRlibYieldsTheSharedLibraryOnly() {
        messages.accept(artifact(ROOT, "\"cdylib\",\"rlib\"", "\"cdylib\",\"rlib\"", "demo",
                "\"/work/demo/target/release/libdemo.so\",\"/work/demo/target/release/libdemo.rlib\"", true));

        assertEquals(List.of(new CargoArtifact("cdylib", "demo", Path.of("/work/demo/target/release/libdemo.so"),
                true)), messages.artifacts());
    }

    @Test
    void freshIsCargosVerdict() {
        messages.accept(artifact(ROOT, "\"cdylib\"", "\"cdylib\"", "demo", "\"/t/libdemo.so\"", false));

        assertEquals(false, messages.artifacts().get(0).fresh());
    }

    @Test
    void aBinTarget() {
        messages.accept(artifact(ROOT, "\"bin\"", "\"bin\"", "demo-cli", "\"/work/demo/target/release/demo-cli\"",
                false));

        assertEquals(List.of(new CargoArtifact("bin", "demo-cli", Path.of("/work/demo/target/release/demo-cli"),
                false)), messages.artifacts());
    }

    @Test
    void libraryAndBinaryInCargosOrder() {
        messages.accept(artifact(ROOT, "\"bin\"", "\"bin\"", "demo-cli", "\"/t/demo-cli\"", false));
        messages.accept(artifact(ROOT, "\"cdylib\"", "\"cdylib\"", "demo", "\"/t/libdemo.so\"", false));

        assertEquals(List.of("bin", "cdylib"), messages.artifacts().stream().map(CargoArtifact::kind).toList());
    }

    @Test
    void ignoresWhatThePackageDoesNotShip() {
        // the root's own build script is a "bin" crate type of kind custom-build; an example is a bin too
        messages.accept(artifact(ROOT, "\"custom-build\"", "\"bin\"", "build-script-build",
                "\"/t/build/demo-b51ef1dd31172967/build-script-build\"", false));
        messages.accept(artifact(ROOT, "\"example\"", "\"bin\"", "demo-example", "\"/t/examples/demo-example\"",
                false));
        messages.accept(artifact(ROOT, "\"lib\"", "\"lib\"", "demo", "\"/t/libdemo.rlib\",\"/t/libdemo.rmeta\"",
                false));

        assertEquals(List.of(), messages.artifacts());
    }

    @Test
    void ignoresDependencies() {
        messages.accept(artifact(DEP, "\"cdylib\"", "\"cdylib\"", "dep", "\"/t/deps/libdep.so\"", false));
        messages.accept(artifact(DEP, "\"bin\"", "\"bin\"", "dep-tool", "\"/t/dep-tool\"", false));

        assertEquals(List.of(), messages.artifacts());
    }

    @Test
    void keepsOnlyTheLibraryAmongWindowsAndMacFiles() {
        messages.accept(artifact(ROOT, "\"cdylib\"", "\"cdylib\"", "demo",
                "\"/t/demo.dll\",\"/t/demo.dll.lib\",\"/t/demo.dll.exp\",\"/t/demo.pdb\"", false));
        messages.accept(artifact(ROOT, "\"cdylib\"", "\"cdylib\"", "demo", "\"/t/libdemo.dylib\",\"/t/libdemo.rlib\"",
                false));
        messages.accept(artifact(ROOT, "\"bin\"", "\"bin\"", "demo-cli", "\"/t/demo-cli.exe\",\"/t/demo_cli.pdb\"",
                false));
        messages.accept(artifact(ROOT, "\"bin\"", "\"bin\"", "demo-cli", "\"/t/demo-cli\",\"/t/demo-cli.dwp\"",
                false));

        assertEquals(List.of(Path.of("/t/demo.dll"), Path.of("/t/libdemo.dylib"), Path.of("/t/demo-cli.exe"),
                Path.of("/t/demo-cli")), messages.artifacts().stream().map(CargoArtifact::path).toList());
    }

    @Test
    void linkedPathsOfEveryBuildScriptWithoutKindsOrDuplicatesInOrder() {
        messages.accept(buildScriptExecuted(DEP, "\"native=/opt/lib\",\"/usr/local/lib\""));
        messages.accept(buildScriptExecuted(ROOT, "\"framework=/Library/Frameworks\",\"native=/opt/lib\","
                + "\"all=/srv/lib\""));

        assertEquals(List.of(Path.of("/opt/lib"), Path.of("/usr/local/lib"), Path.of("/Library/Frameworks"),
                Path.of("/srv/lib")), messages.linkedPaths());
        assertEquals(Path.of("/work/demo/target/release/build/x-f7b1f4d624683b4d/out"), messages.outDirectory(),
                "the root package's");
    }

    @Test
    void noOutDirectoryWithoutARootBuildScript() {
        messages.accept(buildScriptExecuted(DEP, "\"native=/opt/lib\""));

        assertEquals(null, messages.outDirectory());
    }

    @Test
    void textThatIsNotAMessageIsPassedOn() {
        messages.accept("   Compiling demo v0.1.0 (/work/demo)");
        messages.accept("{ this is not json");
        messages.accept("");

        assertEquals(List.of("   Compiling demo v0.1.0 (/work/demo)", "{ this is not json", ""), other);
    }

    @Test
    void otherMessagesAreNeitherRecordedNorPassedOn() {
        messages.accept("{\"reason\":\"build-finished\",\"success\":true}");
        messages.accept("{\"reason\":\"compiler-message\",\"package_id\":\"" + ROOT + "\",\"message\":{}}");
        messages.accept("{\"no_reason\":1}");

        assertEquals(List.of(), other);
        assertEquals(List.of(), messages.artifacts());
        assertEquals(List.of(), messages.linkedPaths());
    }

    @Test
    void readsTheFieldsItNeedsInAnyOrderPastEverythingElse() {
        messages.accept("{\"fresh\":true,\"filenames\":[\"/t/libdemo.so\"],\"profile\":{\"nested\":[{\"a\":[1,2]}]},"
                + "\"target\":{\"src_path\":\"/work/demo/src/lib.rs\",\"name\":\"demo\",\"crate_types\":[\"cdylib\"],"
                + "\"kind\":[\"cdylib\"],\"doc\":true},\"package_id\":\"" + ROOT + "\",\"reason\":\"compiler-artifact\"}");

        assertEquals(List.of(new CargoArtifact("cdylib", "demo", Path.of("/t/libdemo.so"), true)),
                messages.artifacts());
        assertEquals(List.of(), other);
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource({
            "native=/opt/lib,        /opt/lib",
            "crate=/a,               /a",
            "dependency=/b,          /b",
            "framework=/c,           /c",
            "all=/d,                 /d",
            "/usr/lib,               /usr/lib",
            "relative/lib,           relative/lib",
            "/opt/x=y/lib,           /opt/x=y/lib",
            "other=/e,               other=/e",
            "=/f,                    =/f",
            "native=/g=h,            /g=h",
    })
    void stripKind(String reported, String expected) {
        assertEquals(expected, CargoMessages.stripKind(reported));
    }

    @Test
    void recordsTheResolvedFeaturesOfBindingCratesFreshOrNot() {
        messages.accept(artifact(DEP, "\"lib\"", "\"lib\"", "pyo3", "", true)
                .replace("\"features\":[]", "\"features\":[\"abi3\",\"abi3-py37\",\"macros\"]"));
        messages.accept(artifact(DEP, "\"lib\"", "\"lib\"", "pyo3_ffi", "", false));
        messages.accept(artifact(DEP, "\"custom-build\"", "\"bin\"", "pyo3", "", false)
                .replace("\"features\":[]", "\"features\":[\"build-script-only\"]"));
        messages.accept(artifact(DEP, "\"lib\"", "\"lib\"", "serde", "", false));

        assertEquals(Map.of("pyo3", List.of("abi3", "abi3-py37", "macros"), "pyo3-ffi", List.of()),
                messages.bindingCrates());
        assertTrue(messages.artifacts().isEmpty());
    }
}
