package dev.rustwheel.goals.repair;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.audit.LibraryExclusion;
import dev.rustwheel.audit.graft.BundledGraft;
import dev.rustwheel.audit.graft.BundledLibraries;
import dev.rustwheel.audit.graft.GraftPlan;
import dev.rustwheel.audit.graft.GraftTarget;
import dev.rustwheel.audit.graft.MacosGraftPlanner;
import dev.rustwheel.audit.graft.WindowsGraftPlanner;
import dev.rustwheel.audit.linux.Policies;
import dev.rustwheel.audit.macos.MacosAuditReport;
import dev.rustwheel.audit.macos.MacosAuditor;
import dev.rustwheel.audit.platform.LinuxPlatformAudit;
import dev.rustwheel.audit.platform.PlatformAudit;
import dev.rustwheel.audit.platform.PlatformVerdict;
import dev.rustwheel.audit.windows.WindowsAuditReport;
import dev.rustwheel.binary.BinaryFileException;
import dev.rustwheel.binary.macho.MachOFileException;
import dev.rustwheel.binary.pe.PeFileException;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.overlay.Overlay;
import dev.rustwheel.staging.GraftedLibrary;
import dev.rustwheel.wheel.entry.EntryContent;
import dev.rustwheel.wheel.entry.WheelEntry;
import dev.rustwheel.wheel.zip.WheelWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code repair} given a wheel: repairs a Linux wheel as {@code auditwheel repair} does, a macOS wheel as
 * {@code delocate-wheel} does and a Windows wheel as {@code delvewheel repair} does, on any host, into the wheel
 * directory. The libraries the wheel needs are found
 * through the library path, bundled, and the references to them rewritten as overlays applied while the new
 * wheel is written; the given wheel and the libraries' sources are only read.
 */
public final class WheelRepairStep {

    private static final Set<String> REGENERATED = Set.of("RECORD", "RECORD.jws", "RECORD.p7s", "WHEEL");

    private final BuildLog log;

    public WheelRepairStep(BuildLog log) {
        this.log = log;
    }

    /** @return the repaired wheel, or empty where {@code auditwheel = skip} */
    public Optional<Path> run(WheelRepairConfig config) throws BuildException {
        if (config.auditwheel() == AuditwheelMode.SKIP) {
            log.info("auditwheel = skip: " + config.wheel() + " is left as it is");
            return Optional.empty();
        }
        Path wheel = ShowStep.singleWheel(config.wheel());
        try (UnpackedWheel unpacked = UnpackedWheel.unpack(wheel)) {
            Map<Path, String> natives = new LinkedHashMap<>();
            Set<NativeFormat> formats = new LinkedHashSet<>();
            for (UnpackedWheel.Entry entry : unpacked.entries()) {
                Optional<NativeFormat> format = NativeFormat.of(entry.file(unpacked.root()));
                format.ifPresent(f -> {
                    formats.add(f);
                    natives.put(entry.file(unpacked.root()), entry.path());
                });
            }
            if (formats.size() != 1) {
                throw BuildException.userError(wheel + (formats.isEmpty() ? " holds no native binaries, so there is"
                        + " nothing to repair." : " mixes binaries for " + formats.stream().map(NativeFormat::platform)
                        .toList() + "; a platform wheel targets one platform."), null);
            }
            try {
                return Optional.of(switch (formats.iterator().next()) {
                    case MACHO -> macos(unpacked, natives, config);
                    case PE -> windows(unpacked, natives, config);
                    case ELF -> linux(unpacked, natives, config);
                });
            } catch (BuildException e) {
                throw InWheelNames.renamed(e, unpacked.root(), wheel);
            }
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot repair " + wheel + ": " + e, e);
        }
    }

    private Path macos(UnpackedWheel wheel, Map<Path, String> natives, WheelRepairConfig config)
            throws BuildException, IOException {
        List<Path> files = List.copyOf(natives.keySet());
        MacosAuditReport report = ForeignAudit.macos(files, Optional.of(wheel.root()), config.libraryPath());
        List<ExternalLibrary> external = toBundle(report.external(), config);
        BundledLibraries bundled = new BundledLibraries(List.of(), Map.of());
        List<String> tags = report.platformTags();
        if (!external.isEmpty() && config.auditwheel() == AuditwheelMode.REPAIR) {
            String dist = distribution(wheel);
            List<String> packages = wheel.topLevelPackages();
            String directory = packages.stream().filter(p -> p.equalsIgnoreCase(dist)).findFirst()
                    .or(() -> packages.stream().findFirst()).map(p -> p + "/.dylibs").orElse(dist + ".dylibs");
            try {
                bundled = MacosGraftPlanner.plan(natives, external, directory, new MacosAuditor(config.libraryPath()));
            } catch (AuditException e) {
                throw BuildException.userError(e.getMessage(), e);
            } catch (MachOFileException e) {
                throw BuildException.userError("Cannot repair " + e.file() + ": " + e.problem(), e);
            }
            List<Path> all = new ArrayList<>(files);
            bundled.copies().forEach(c -> all.add(c.source()));
            tags = ForeignAudit.macos(all, Optional.of(wheel.root()), config.libraryPath()).platformTags();
        }
        return write(wheel, bundled, Map.of(), tags, config);
    }

    /** As {@code auditwheel repair}: the policy's tags, and the libraries outside its whitelist in {@code <dist>.libs}. */
    private Path linux(UnpackedWheel wheel, Map<Path, String> natives, WheelRepairConfig config)
            throws BuildException, IOException {
        List<Path> files = List.copyOf(natives.keySet());
        boolean grafting = config.auditwheel() == AuditwheelMode.REPAIR;
        PlatformAudit platform = new LinuxPlatformAudit(Policies.bundled(), RepairStep.searchPaths(
                config.libraryPath(), config.ldLibraryPath(), List.of()), new LibraryExclusion(config.exclude()),
                config.compatibility(), config.compatibilityParameter(), Optional.of(wheel.root()));
        PlatformVerdict verdict;
        try {
            verdict = platform.audit(files, grafting);
        } catch (AuditException e) {
            throw BuildException.userError(e.getMessage(), e);
        } catch (BinaryFileException e) {
            throw BuildException.userError("Cannot audit " + e.file() + ": " + e.problem()
                    + ". Rebuild it, or check what wrote it.", e);
        }
        List<ExternalLibrary> external = toBundle(verdict.external(), config);
        verdict.warnings().forEach(log::warn);
        BundledLibraries bundled = new BundledLibraries(List.of(), Map.of());
        if (grafting && !external.isEmpty()) {
            List<GraftTarget> targets = new ArrayList<>();
            // executables in .data/scripts may embed the interpreter; importable modules must not need libpython
            natives.forEach((file, path) -> targets.add(new GraftTarget(file,
                    path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "",
                    path.endsWith(".so") && !path.contains(".data/"))));
            GraftPlan plan;
            try {
                plan = platform.plan(targets, external, distribution(wheel) + ".libs", List.of());
            } catch (AuditException e) {
                throw BuildException.userError(e.getMessage(), e);
            } catch (BinaryFileException e) {
                throw BuildException.userError("Cannot repair " + e.file() + ": " + e.problem(), e);
            }
            List<BundledLibraries.Copy> copies = new ArrayList<>();
            Map<Path, Overlay> edits = new LinkedHashMap<>(plan.edits());
            for (GraftedLibrary library : plan.libraries()) {
                copies.add(new BundledLibraries.Copy(library.sourcePath(), library.archivePath()));
                edits.put(library.sourcePath(), library.overlay());
            }
            bundled = new BundledLibraries(copies, edits);
        }
        return write(wheel, bundled, Map.of(), verdict.platformTags(), config);
    }

    private Path windows(UnpackedWheel wheel, Map<Path, String> natives, WheelRepairConfig config)
            throws BuildException, IOException {
        List<Path> files = List.copyOf(natives.keySet());
        WindowsAuditReport report = ForeignAudit.windows(files, config.libraryPath(), config.libraryPathParameter(),
                ShowStep.pythonTag(wheel.wheel()));
        List<ExternalLibrary> external = toBundle(report.external(), config);
        BundledLibraries bundled = new BundledLibraries(List.of(), Map.of());
        Map<String, byte[]> rewritten = new LinkedHashMap<>();
        if (!external.isEmpty() && config.auditwheel() == AuditwheelMode.REPAIR) {
            // an extension module at the top level finds DLLs beside it; packages get <dist>.libs and a hook
            boolean topLevelModule = natives.values().stream().anyMatch(p -> !p.contains("/"));
            String directory = topLevelModule ? "" : distribution(wheel) + ".libs";
            try {
                bundled = WindowsGraftPlanner.plan(files, external, directory);
            } catch (AuditException e) {
                throw BuildException.userError(e.getMessage(), e);
            } catch (PeFileException e) {
                throw BuildException.userError("Cannot repair " + e.file() + ": " + e.problem(), e);
            }
            if (!topLevelModule) {
                for (String pkg : wheel.topLevelPackages()) {
                    String init = Files.readString(wheel.root().resolve(pkg).resolve("__init__.py"),
                            StandardCharsets.UTF_8);
                    rewritten.put(pkg + "/__init__.py",
                            DllDirectoryHook.insert(init, directory).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return write(wheel, bundled, rewritten, List.of(report.platformTag()), config);
    }

    /** The external libraries to bundle, after the exclusions; fails on what cannot be found or must not be. */
    private List<ExternalLibrary> toBundle(List<ExternalLibrary> external, WheelRepairConfig config)
            throws BuildException {
        LibraryExclusion exclusion = new LibraryExclusion(config.exclude());
        List<ExternalLibrary> kept = external.stream().filter(e -> !exclusion.excludes(e.soname(), e.path())).toList();
        if (kept.isEmpty()) {
            return kept;
        }
        String listed = kept.stream().map(ExternalLibrary::describe).collect(Collectors.joining(", "));
        switch (config.auditwheel()) {
            case CHECK -> throw BuildException.userError("auditwheel = check, but the wheel needs libraries it does"
                    + " not carry: " + listed + ". Set the parameter auditwheel to repair to bundle them, or"
                    + " exclude them (auditwheelExclude) if the target systems provide them.", null);
            case WARN -> log.warn("The wheel needs libraries it does not carry: " + listed);
            default -> {
                try {
                    BundledGraft.requireFound(kept, config.libraryPathParameter());
                } catch (AuditException e) {
                    throw BuildException.userError(e.getMessage(), e);
                }
            }
        }
        return kept;
    }

    private Path write(UnpackedWheel wheel, BundledLibraries bundled, Map<String, byte[]> rewritten,
            List<String> platforms, WheelRepairConfig config) throws BuildException, IOException {
        List<WheelEntry> payload = new ArrayList<>();
        List<WheelEntry> distInfo = new ArrayList<>();
        String prefix = wheel.distInfo() + "/";
        for (UnpackedWheel.Entry entry : wheel.entries()) {
            Path file = entry.file(wheel.root());
            Overlay overlay = bundled.edits().get(file);
            EntryContent content = rewritten.containsKey(entry.path()) ? EntryContent.ofBytes(rewritten.get(entry.path()))
                    : overlay != null ? EntryContent.ofFile(file, overlay) : EntryContent.ofFile(file);
            if (!entry.path().startsWith(prefix)) {
                payload.add(new WheelEntry(entry.path(), content, entry.executable()));
            } else if (!REGENERATED.contains(entry.path().substring(prefix.length()))) {
                distInfo.add(new WheelEntry(entry.path().substring(prefix.length()), content, entry.executable()));
            }
        }
        for (BundledLibraries.Copy copy : bundled.copies()) {
            Overlay overlay = bundled.edits().get(copy.source());
            payload.add(new WheelEntry(copy.archivePath(),
                    overlay != null ? EntryContent.ofFile(copy.source(), overlay) : EntryContent.ofFile(copy.source()),
                    false));
            log.info("Bundling " + copy.source() + " as " + copy.archivePath());
        }
        distInfo.add(new WheelEntry("WHEEL", EntryContent.ofBytes(wheelFile(wheel, platforms)
                .getBytes(StandardCharsets.UTF_8)), false));
        Path target = config.wheelDirectory().resolve(wheel.fileNameWithoutPlatform() + "-" + String.join(".", platforms)
                + ".whl");
        new WheelWriter(config.mtime()).write(target, wheel.distInfo(), payload, distInfo);
        log.info("Repaired wheel " + target + " (platform " + String.join(".", platforms) + ")");
        return target;
    }

    /** The WHEEL file with one Tag line per Python/ABI pair and new platform, other lines as they were. */
    private static String wheelFile(UnpackedWheel wheel, List<String> platforms) throws BuildException, IOException {
        List<String> pairs = wheel.tags().stream().map(t -> t.substring(0, t.lastIndexOf('-'))).distinct().toList();
        StringBuilder out = new StringBuilder();
        boolean tagsWritten = false;
        for (String line : Files.readAllLines(wheel.root().resolve(wheel.distInfo()).resolve("WHEEL"),
                StandardCharsets.UTF_8)) {
            if (!line.startsWith("Tag:")) {
                out.append(line).append('\n');
            } else if (!tagsWritten) {
                for (String pair : pairs) {
                    platforms.forEach(p -> out.append("Tag: ").append(pair).append('-').append(p).append('\n'));
                }
                tagsWritten = true;
            }
        }
        return out.toString().replaceAll("\n+$", "\n");
    }

    private static String distribution(UnpackedWheel wheel) throws BuildException {
        return wheel.fileNameWithoutPlatform().split("-")[0];
    }
}
