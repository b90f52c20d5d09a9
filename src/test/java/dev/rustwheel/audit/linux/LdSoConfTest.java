package dev.rustwheel.audit.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /etc/ld.so.conf parsing on a tree of the test's own. */
class LdSoConfTest {

    @TempDir
    Path root;

    @Test
    void followsIncludesInSortedOrderAndSkipsCommentsAndHwcap() throws Exception {
        Files.createDirectories(root.resolve("etc/ld.so.conf.d"));
        Files.writeString(root.resolve("etc/ld.so.conf"), """
                # the system's own
                include /etc/ld.so.conf.d/*.conf
                /opt/last   # trailing comment
                hwcap 0 nosegneg
                """);
        Files.writeString(root.resolve("etc/ld.so.conf.d/b.conf"), "/opt/b\n");
        Files.writeString(root.resolve("etc/ld.so.conf.d/a.conf"), "/opt/a1:/opt/a2, /opt/a3\nrelative/ignored\n");
        Files.writeString(root.resolve("etc/ld.so.conf.d/c.notconf"), "/opt/never\n");

        assertEquals(List.of(root.resolve("opt/a1"), root.resolve("opt/a2"), root.resolve("opt/a3"),
                root.resolve("opt/b"), root.resolve("opt/last")), LdSoConf.read(root, "/etc/ld.so.conf"));
    }

    @Test
    void relativeIncludesAreTakenFromTheIncludingFilesDirectoryAndCyclesEnd() throws Exception {
        Files.createDirectories(root.resolve("etc/more"));
        Files.writeString(root.resolve("etc/ld.so.conf"), "include more/x.conf\n/opt/top\n");
        Files.writeString(root.resolve("etc/more/x.conf"), "/opt/x\ninclude ../ld.so.conf\n");

        assertEquals(List.of(root.resolve("opt/x"), root.resolve("opt/top")), LdSoConf.read(root, "/etc/ld.so.conf"));
    }

    @Test
    void separatorsRunTogetherAndIncludesTakeSeveralPatterns() throws Exception {
        Files.createDirectories(root.resolve("etc/d"));
        Files.writeString(root.resolve("etc/ld.so.conf"),
                "include\t/etc/d/one.conf   \t/etc/d/two.conf \n\t//opt/a,,:/opt/b\u000B/opt/c\r\n::\n");
        Files.writeString(root.resolve("etc/d/one.conf"), "/opt/one\n");
        Files.writeString(root.resolve("etc/d/two.conf"), "/opt/two\n");

        assertEquals(List.of(root.resolve("opt/one"), root.resolve("opt/two"), root.resolve("opt/a"),
                root.resolve("opt/b"), root.resolve("opt/c")), LdSoConf.read(root, "/etc/ld.so.conf"));
    }

    @Test
    void wordsAreTheNonEmptyRunsBetweenSeparators() {
        assertEquals(List.of("/a", "b", "/c"), LdSoConf.words("::/a:;b;:/c:", ":;"));
        assertEquals(List.of(), LdSoConf.words("", ":"));
        assertEquals(List.of("/with space"), LdSoConf.words("/with space", ":;"));
    }

    @Test
    void aMissingFileListsNothing() throws Exception {
        assertEquals(List.of(), LdSoConf.read(root, "/etc/ld.so.conf"));
    }
}
