package dev.rustwheel.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CargoBuildRequestTest {

    private static final List<String> BASE = List.of("cargo", "build", "--message-format=json-render-diagnostics",
            "--manifest-path", "/work/demo/Cargo.toml");

    private static CargoBuildRequest request(String profile, List<String> features, boolean noDefaultFeatures,
            List<String> extraArgs, boolean offline) {
        return new CargoBuildRequest("cargo", Path.of("/work/demo/Cargo.toml"), profile, features, noDefaultFeatures,
                extraArgs, Map.of(), offline);
    }

    private static List<String> base(String... more) {
        List<String> command = new ArrayList<>(BASE);
        command.addAll(List.of(more));
        return command;
    }

    @Test
    void releaseIsTheReleaseFlag() {
        assertEquals(base("--release"), request("release", List.of(), false, List.of(), false).buildCommand());
    }

    @Test
    void aTargetTripleIsPassedAsCargosTarget() {
        assertEquals(base("--release", "--target", "x86_64-pc-windows-gnu", "--offline"),
                request("release", List.of(), false, List.of(), true).withTarget(Optional.of("x86_64-pc-windows-gnu"))
                        .buildCommand());
    }

    @Test
    void anyOtherProfileIsNamed() {
        assertEquals(base("--profile=dev"), request("dev", List.of(), false, List.of(), false).buildCommand());
        assertEquals(base("--profile=release-lto"),
                request("release-lto", List.of(), false, List.of(), false).buildCommand());
    }

    @Test
    void featuresAreJoinedIntoOneArgument() {
        assertEquals(base("--release", "--features=simd,serde"),
                request("release", List.of("simd", "serde"), false, List.of(), false).buildCommand());
    }

    @Test
    void everythingTogetherWithExtraArgumentsLast() {
        List<String> command = request("dist", List.of("simd"), true, List.of("--locked", "-j", "2"), true)
                .buildCommand();

        assertEquals(base("--profile=dist", "--features=simd", "--no-default-features", "--offline", "--locked",
                "-j", "2"), command);
    }

    @Test
    void theExecutableIsUsedAsGiven() {
        CargoBuildRequest request = new CargoBuildRequest("/opt/rust/bin/cargo", Path.of("/work/demo/Cargo.toml"),
                "release", List.of(), false, List.of(), Map.of(), false);

        assertEquals("/opt/rust/bin/cargo", request.buildCommand().get(0));
        assertEquals("/opt/rust/bin/cargo", request.metadataCommand().get(0));
    }

    @Test
    void metadataResolvesTheBuildsFeaturesAndHonoursOffline() {
        assertEquals(List.of("cargo", "metadata", "--format-version=1", "--manifest-path",
                "/work/demo/Cargo.toml", "--features=simd", "--no-default-features"), request("release", List.of("simd"), true, List.of("-j", "2"), false)
                .metadataCommand());
        assertEquals(List.of("cargo", "metadata", "--format-version=1", "--manifest-path",
                "/work/demo/Cargo.toml", "--offline"), request("release", List.of(), false, List.of(), true)
                .metadataCommand());
    }

    @Test
    void theCrateDirectoryOfARelativeManifestIsAbsolute() {
        CargoBuildRequest request = new CargoBuildRequest("cargo", Path.of("Cargo.toml"), "release", List.of(), false,
                List.of(), Map.of(), false);

        assertEquals(Path.of("").toAbsolutePath(), request.crateDirectory());
    }
}
