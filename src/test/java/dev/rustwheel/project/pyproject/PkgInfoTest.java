package dev.rustwheel.project.pyproject;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.CrateMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sdist's PKG-INFO (the core metadata the wheel's METADATA shares), byte for byte as maturin 1.15.0's
 * {@code maturin sdist} wrote it for the sdist IT's mixed project: the field order, extras and URLs sorted by key.
 */
class PkgInfoTest {

    private static final String PYPROJECT = """
            [build-system]
            requires = ["maturin>=1,<2"]
            build-backend = "maturin"

            [project]
            name = "SdMix"
            version = "1.2.0"
            description = "A mixed project's source distribution"
            readme = "README.md"
            license = "MIT"
            requires-python = ">=3.8"
            authors = [{ name = "Ada Lovelace", email = "ada@example.org" }, { name = "Grace Hopper" }]
            maintainers = [{ email = "team@example.org" }]
            keywords = ["sdist", "rust"]
            classifiers = ["Programming Language :: Rust", "Programming Language :: Python :: 3"]
            dependencies = ["packaging>=21"]

            [project.optional-dependencies]
            test = ["pytest>=7"]
            docs = ["sphinx>=7"]

            [project.urls]
            Homepage = "https://example.org/sdmix"
            "Bug Tracker" = "https://example.org/sdmix/issues"

            [tool.maturin]
            python-source = "python"
            module-name = "sdmix.sdmix_native"
            """;

    /** maturin 1.15.0's PKG-INFO for that project, verbatim. */
    private static final String MATURIN = """
            Metadata-Version: 2.4
            Name: SdMix
            Version: 1.2.0
            Classifier: Programming Language :: Rust
            Classifier: Programming Language :: Python :: 3
            Requires-Dist: packaging>=21
            Requires-Dist: sphinx>=7 ; extra == 'docs'
            Requires-Dist: pytest>=7 ; extra == 'test'
            Provides-Extra: docs
            Provides-Extra: test
            License-File: LICENSE
            Summary: A mixed project's source distribution
            Keywords: sdist,rust
            Author: Grace Hopper
            Author-email: Ada Lovelace <ada@example.org>
            Maintainer-email: team@example.org
            License-Expression: MIT
            Requires-Python: >=3.8
            Description-Content-Type: text/markdown; charset=UTF-8; variant=GFM
            Project-URL: Bug Tracker, https://example.org/sdmix/issues
            Project-URL: Homepage, https://example.org/sdmix

            # SdMix

            A *mixed* project.

            """;

    @TempDir
    Path dir;

    @Test
    void equalsMaturinsByteForByte() throws Exception {
        assertEquals(MATURIN, pkgInfo(null));
    }

    @Test
    void carriesTheConfiguredVersion() throws Exception {
        assertEquals(MATURIN.replace("Version: 1.2.0\n", "Version: 2.0.0.dev0\n"), pkgInfo("2.0.0.dev0"));
    }

    private String pkgInfo(String version) throws Exception {
        Files.writeString(dir.resolve("pyproject.toml"), PYPROJECT);
        Files.writeString(dir.resolve("README.md"), "# SdMix\n\nA *mixed* project.\n");
        Files.writeString(dir.resolve("LICENSE"), "MIT License\n");
        Files.createDirectories(dir.resolve("python/sdmix"));
        CrateInfo crate = new CrateInfo(dir.resolve("Cargo.toml"), "sdmix-native", "0.0.1", null,
                CrateMetadata.EMPTY, Map.of());
        return ProjectMetadata.resolve(PyprojectFile.read(dir.resolve("pyproject.toml")), crate, version)
                .coreMetadata().render();
    }
}
