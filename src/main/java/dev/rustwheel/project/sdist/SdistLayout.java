package dev.rustwheel.project.sdist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustwheel.cargo.CargoSources;
import dev.rustwheel.project.Globs;
import dev.rustwheel.project.ProjectException;
import dev.rustwheel.project.ProjectPaths;
import dev.rustwheel.project.pyproject.LicenseFiles;
import dev.rustwheel.project.pyproject.MaturinSettings;
import dev.rustwheel.project.pyproject.PyprojectFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which files a source distribution holds and where, as {@code maturin sdist} decides: the archive's top directory
 * stands for the closest directory holding the workspace, the project and every path dependency (so all keep their
 * relative paths, and a path dependency outside the workspace still resolves); each local package contributes what
 * {@code cargo package --list} names; the workspace's {@code Cargo.toml}, its {@code members} cut down to the crates
 * the sdist holds, and {@code Cargo.lock} come along; {@code pyproject.toml}, the Python sources, the readme, the license files and the
 * {@code [tool.maturin] include}s for the sdist are placed relative to the archive's root as they are relative to
 * {@code pyproject.toml}; {@code exclude}s for the sdist drop files.
 */
public final class SdistLayout {

    /** A file of the archive: its bytes come from {@code source}, or are {@code text} where a manifest was edited. */
    public record SdistFile(Path source, String text) {

        static SdistFile of(Path source) {
            return new SdistFile(source, null);
        }

        public byte[] bytes() throws IOException {
            return text != null ? text.getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(source);
        }
    }

    /** What cargo adds to its package list that is no source: its generated files. */
    private static final List<String> CARGO_GENERATED = List.of("Cargo.toml.orig", ".cargo_vcs_info.json");

    private SdistLayout() {
    }

    /**
     * @param sources       the workspace root and the local packages, the crate first
     * @param pyproject     the project's {@code pyproject.toml}; it may not exist
     * @param settings      the resolved {@code [tool.maturin]} settings (python-source)
     * @param include       globs, relative to the project directory, of further files for the sdist
     * @param exclude       globs, matched on paths relative to the project directory, of files to leave out
     * @param licenseFiles  the license files, relative to the project directory where they are inside it
     * @return the archive's files by their path inside the archive's top directory, sorted
     */
    public static Map<String, SdistFile> files(CargoSources.Sources sources, PyprojectFile pyproject,
                                               MaturinSettings settings, List<String> include, List<String> exclude,
                                               List<LicenseFiles.LicenseFile> licenseFiles)
            throws ProjectException {
        Path workspace = sources.workspaceRoot().toAbsolutePath().normalize();
        Path project = pyproject.projectDirectory().normalize();
        ProjectPaths paths = new ProjectPaths(project);
        Path pythonSource = settings.pythonSource() == null ? null : project.resolve(settings.pythonSource()).normalize();
        CargoSources.LocalPackage crate = sources.packages().get(0);
        Path crateDirectory = crate.directory().toAbsolutePath().normalize();
        Path root = sdistRoot(workspace, project, pythonSource, sources.packages());
        Map<String, SdistFile> files = new TreeMap<>();
        for (CargoSources.LocalPackage pkg : sources.packages()) {
            Path directory = pkg.directory().toAbsolutePath().normalize();
            for (String file : pkg.files()) {
                Path source = directory.resolve(file);
                if (CARGO_GENERATED.contains(file) || file.equals("Cargo.lock")
                        || (pkg == crate && isProjectFile(source, project, pythonSource))) {
                    continue;
                }
                String path = relative(root, source);
                if (file.equals("Cargo.toml")) {
                    String text = read(source);
                    String edited = pkg.readme() == null ? text : SdistManifests.withReadme(text, pkg.readme());
                    if (pkg == crate) {
                        edited = SdistManifests.withWorkspaceMembers(edited,
                                memberDirectories(workspace, sources.packages().subList(1, sources.packages().size())));
                    }
                    files.put(path, edited.equals(text) ? SdistFile.of(source) : new SdistFile(source, edited));
                } else {
                    files.put(path, SdistFile.of(source));
                }
            }
        }
        if (!crateDirectory.equals(workspace)) {
            Path manifest = workspace.resolve("Cargo.toml");
            files.put(relative(root, manifest), new SdistFile(manifest, SdistManifests.withWorkspaceMembers(
                    read(manifest), memberDirectories(workspace, sources.packages()))));
        }
        Path lock = Files.isRegularFile(crateDirectory.resolve("Cargo.lock")) ? crateDirectory.resolve("Cargo.lock")
                : workspace.resolve("Cargo.lock");
        if (Files.isRegularFile(lock)) {
            files.put(relative(root, lock), SdistFile.of(lock));
        }
        Path pyprojectFile = project.resolve("pyproject.toml");
        if (Files.isRegularFile(pyprojectFile)) {
            files.put("pyproject.toml", project.equals(root) ? SdistFile.of(pyprojectFile)
                    : new SdistFile(pyprojectFile, SdistManifests.withManifestPath(read(pyprojectFile),
                    relative(root, crateDirectory.resolve("Cargo.toml")))));
        }
        if (pythonSource != null && Files.isDirectory(pythonSource)) {
            for (Path file : Globs.walk(paths, pythonSource, "python-source")) {
                if (!isBytecode(file)) {
                    files.put(relative(project, file), SdistFile.of(file));
                }
            }
        }
        readme(pyproject).filter(Files::isRegularFile).filter(r -> r.normalize().startsWith(project))
                .ifPresent(r -> files.put(relative(project, r), SdistFile.of(r)));
        for (LicenseFiles.LicenseFile license : licenseFiles) {
            if (license.source().normalize().startsWith(project)) {
                files.put(relative(project, license.source()), SdistFile.of(license.source()));
            }
        }
        for (String pattern : include) {
            for (Path file : Globs.files(paths, pattern, "[tool.maturin] include")) {
                files.put(relative(project, file), SdistFile.of(file));
            }
        }
        for (String pattern : exclude) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace('\\', '/'));
            files.keySet().removeIf(path -> matcher.matches(Path.of(path)));
        }
        return files;
    }

    /**
     * The directory the archive's top directory stands for: the closest common ancestor of the workspace, the
     * project, the Python sources and every local package, so that each keeps its relative path to the others and
     * path dependencies outside the workspace resolve unchanged.
     */
    static Path sdistRoot(Path workspace, Path project, Path pythonSource, List<CargoSources.LocalPackage> packages) {
        Path root = commonAncestor(workspace, project);
        for (CargoSources.LocalPackage pkg : packages) {
            root = commonAncestor(root, pkg.directory().toAbsolutePath().normalize());
        }
        return pythonSource == null ? root : commonAncestor(root, pythonSource);
    }

    private static Path commonAncestor(Path a, Path b) {
        Path ancestor = a;
        while (!b.startsWith(ancestor)) {
            ancestor = ancestor.getParent();
        }
        return ancestor;
    }

    /** The directories, relative to the workspace root, of the packages inside it: the members the sdist holds. */
    private static List<String> memberDirectories(Path workspace, List<CargoSources.LocalPackage> packages) {
        return packages.stream().map(pkg -> pkg.directory().toAbsolutePath().normalize())
                .filter(directory -> directory.startsWith(workspace))
                .map(directory -> directory.equals(workspace) ? "." : relative(workspace, directory)).toList();
    }

    /** The readme {@code [project] readme} names (a path, or a table with {@code file}); Cargo's stays in its crate. */
    private static Optional<Path> readme(PyprojectFile pyproject) {
        JsonNode readme = pyproject.project().raw("readme");
        if (readme != null && readme.isTextual()) {
            return Optional.of(pyproject.projectDirectory().resolve(readme.asText()));
        }
        if (readme != null && readme.path("file").isTextual()) {
            return Optional.of(pyproject.projectDirectory().resolve(readme.get("file").asText()));
        }
        return Optional.empty();
    }

    /** pyproject.toml and the Python sources come from the project's side, placed relative to it. */
    private static boolean isProjectFile(Path source, Path project, Path pythonSource) {
        return source.equals(project.resolve("pyproject.toml")) || (pythonSource != null && source.startsWith(pythonSource));
    }

    private static boolean isBytecode(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".pyc") || file.toString().contains("/__pycache__/");
    }

    private static String relative(Path base, Path file) {
        return base.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static String read(Path file) throws ProjectException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw ProjectException.toolFailure("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
