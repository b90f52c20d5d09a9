package dev.rustwheel.cargo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code cargo build}, as the user configured it.
 *
 * @param executable        the cargo program, a name looked up on PATH or a path
 * @param manifestPath      the crate's Cargo.toml; cargo runs in its directory so the crate's .cargo/config.toml applies
 * @param profile           cargo profile name ({@code release}, {@code dev} or a custom one)
 * @param features          features to enable
 * @param noDefaultFeatures whether to pass {@code --no-default-features}
 * @param extraArgs         further arguments passed to cargo as they are
 * @param environment       variables set for cargo on top of the inherited environment
 * @param offline           whether to pass {@code --offline}
 * @param target            the Rust target triple to build for ({@code --target}), empty for the host; cargo then
 *                          writes under {@code <target-dir>/<triple>/<profile>}, which its messages report
 */
public record CargoBuildRequest(
        String executable, Path manifestPath, String profile, List<String> features, boolean noDefaultFeatures,
        List<String> extraArgs, Map<String, String> environment, boolean offline, Optional<String> target) {

    public CargoBuildRequest {
        features = List.copyOf(features);
        extraArgs = List.copyOf(extraArgs);
        environment = Map.copyOf(environment);
    }

    /** A build for the host. */
    public CargoBuildRequest(String executable, Path manifestPath, String profile, List<String> features,
            boolean noDefaultFeatures, List<String> extraArgs, Map<String, String> environment, boolean offline) {
        this(executable, manifestPath, profile, features, noDefaultFeatures, extraArgs, environment, offline,
                Optional.empty());
    }

    /** The same build for the target triple {@code target} (empty: the host). */
    public CargoBuildRequest withTarget(Optional<String> target) {
        return new CargoBuildRequest(executable, manifestPath, profile, features, noDefaultFeatures, extraArgs,
                environment, offline, target);
    }

    /** The same build with {@code environment} for cargo instead. */
    public CargoBuildRequest withEnvironment(Map<String, String> environment) {
        return new CargoBuildRequest(executable, manifestPath, profile, features, noDefaultFeatures, extraArgs,
                environment, offline, target);
    }

    public Path crateDirectory() {
        return manifestPath.toAbsolutePath().getParent();
    }

    List<String> buildCommand() {
        List<String> command = new ArrayList<>(List.of(executable, "build",
                "--message-format=json-render-diagnostics", "--manifest-path", manifestPath.toString()));
        if ("release".equals(profile)) {
            command.add("--release");
        } else {
            command.add("--profile=" + profile);
        }
        if (target.isPresent()) {
            command.add("--target");
            command.add(target.get());
        }
        addFeatures(command);
        if (offline) {
            command.add("--offline");
        }
        command.addAll(extraArgs);
        return command;
    }

    /**
     * With the dependency graph, resolved for the same features as the build: the wheel's SBOM lists every crate
     * the build pulls in.
     */
    List<String> metadataCommand() {
        List<String> command = new ArrayList<>(List.of(executable, "metadata", "--format-version=1",
                "--manifest-path", manifestPath.toString()));
        addFeatures(command);
        if (offline) {
            command.add("--offline");
        }
        return command;
    }

    private void addFeatures(List<String> command) {
        if (!features.isEmpty()) {
            command.add("--features=" + String.join(",", features));
        }
        if (noDefaultFeatures) {
            command.add("--no-default-features");
        }
    }
}
