package dev.rustwheel.goals.packaging;

import dev.rustwheel.process.ProcessRunner;
import dev.rustwheel.process.ProcessSpec;
import dev.rustwheel.process.ToolNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which package of the system's package manager installed a file, as auditwheel 6 records it for the libraries it
 * grafts. Only dpkg is asked (Debian, Ubuntu); elsewhere, or for a file no package owns, nothing is known.
 */
final class SystemPackages {

    /**
     * @param distribution the {@code ID} of {@code /etc/os-release}, the purl namespace ({@code debian})
     * @param architecture dpkg's name for it ({@code amd64}); null for an architecture-independent package
     */
    record SystemPackage(String distribution, String name, String version, String architecture) {

        /** {@code pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64}, the version percent-encoded. */
        String purl() {
            return "pkg:deb/" + distribution + "/" + name + "@" + Purls.encode(version)
                    + (architecture == null ? "" : "?arch=" + architecture);
        }
    }

    private final ProcessRunner runner = new ProcessRunner(ProcessRunner.UNLOGGED);
    private final String distribution;

    SystemPackages(Path osRelease) {
        this.distribution = distributionId(osRelease);
    }

    /** The package that installed {@code file}, trying the {@code /usr}-less path too (merged-/usr systems). */
    Optional<SystemPackage> owner(Path file) {
        String path = file.toAbsolutePath().toString();
        Optional<String> owner = ask("dpkg-query", "-S", path);
        if (owner.isEmpty() && path.startsWith("/usr/")) {
            owner = ask("dpkg-query", "-S", path.substring("/usr".length()));
        }
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        // "zlib1g:amd64: /lib/x86_64-linux-gnu/libz.so.1.2.13"; the first owner where several packages share it
        String qualified = owner.get().substring(0, owner.get().indexOf(": ")).split(", ")[0];
        Optional<String> version = ask("dpkg-query", "-W", "-f=${Version}", qualified);
        int colon = qualified.indexOf(':');
        return version.map(v -> new SystemPackage(distribution, colon < 0 ? qualified : qualified.substring(0, colon),
                v, colon < 0 ? null : qualified.substring(colon + 1)));
    }

    /** The first line a successful dpkg query printed; empty where dpkg is missing or knows nothing. */
    private Optional<String> ask(String... command) {
        List<String> out = new ArrayList<>();
        try {
            int exit = runner.run(new ProcessSpec(List.of(command), Path.of("/"), Map.of()), out::add, line -> { });
            return exit == 0 && !out.isEmpty() ? Optional.of(out.get(0)) : Optional.empty();
        } catch (ToolNotFoundException | IOException e) {
            return Optional.empty(); // not a dpkg system
        }
    }

    private static String distributionId(Path osRelease) {
        try {
            for (String line : Files.readAllLines(osRelease)) {
                if (line.startsWith("ID=")) {
                    return line.substring(3).replace("\"", "").trim();
                }
            }
        } catch (IOException e) {
            // no os-release: the purl names the package manager's usual home
        }
        return "debian";
    }
}
