package dev.rustwheel.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Globs walk only as deep as a match can lie, and find the same files as a walk of the whole tree. */
class GlobsTest {

    @TempDir
    Path root;

    @Test
    void aPatternWithoutDoubleStarsIsWalkedOnlyAsDeepAsItsSegments() {
        assertEquals(1, Globs.depth("LICEN[CS]E*"));
        assertEquals(1, Globs.depth("python/pkg/*.txt"));
        assertEquals(2, Globs.depth("python/*/data.txt"));
        assertEquals(1, Globs.depth("README.md"));
        assertEquals(Integer.MAX_VALUE, Globs.depth("python/**/*.txt"));
        assertEquals(Integer.MAX_VALUE, Globs.depth("{a,b/c}/*.txt"), "an alternative may hold a slash");
    }

    @Test
    void findsTheFilesAtTheirDepthAndNoDeeperOnes() throws Exception {
        for (String file : List.of("LICENSE", "LICENCE-MIT", "target/release/LICENSE", "python/pkg/a.txt",
                "python/pkg/sub/b.txt", "python/other/data.txt", "python/other/deeper/data.txt")) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), file);
        }
        ProjectPaths paths = new ProjectPaths(root);

        assertEquals(List.of(root.resolve("LICENCE-MIT"), root.resolve("LICENSE")),
                Globs.files(paths, "LICEN[CS]E*", "license-files"));
        assertEquals(List.of(root.resolve("python/pkg/a.txt")), Globs.files(paths, "python/pkg/*.txt", "include"));
        assertEquals(List.of(root.resolve("python/other/data.txt")),
                Globs.files(paths, "python/*/data.txt", "include"));
        assertEquals(List.of(root.resolve("python/other/deeper/data.txt"), root.resolve("python/other/data.txt"),
                root.resolve("python/pkg/a.txt"), root.resolve("python/pkg/sub/b.txt")).stream().sorted().toList(),
                Globs.files(paths, "python/**.txt", "include"));
    }
}
