package dev.rustwheel.staging.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustwheel.overlay.Overlay;
import dev.rustwheel.staging.ArtifactKind;
import dev.rustwheel.staging.ArtifactState;
import dev.rustwheel.staging.AuditRecord;
import dev.rustwheel.staging.CrateInfo;
import dev.rustwheel.staging.Fixtures;
import dev.rustwheel.staging.GraftedLibrary;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingException;
import dev.rustwheel.staging.StagingLayout;
import dev.rustwheel.staging.StagingManifest;
import dev.rustwheel.staging.WheelRecord;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestStoreTest {

    @TempDir
    Path tempDir;

    private StagingLayout layout;
    private ManifestStore store;

    @BeforeEach
    void setUp() {
        layout = StagingLayout.under(tempDir.resolve("target"));
        store = new ManifestStore(layout);
    }

    private StagingManifest sample() {
        Path release = tempDir.resolve("crate/target/release");
        return StagingManifest.of(
                new CrateInfo(tempDir.resolve("crate/Cargo.toml"), "fast-parse", "1.2.0-beta.1"),
                List.of(Path.of("/opt/native/lib"), tempDir.resolve("crate/target/release/build/x-1/out")),
                List.of(
                        new StagedArtifact(ArtifactKind.CDYLIB, "fast_parse", release.resolve("libfast_parse.so"),
                                layout.stagedPathFor(ArtifactKind.CDYLIB, release.resolve("libfast_parse.so")),
                                5_000_000_000L, null, false, ArtifactState.RENAMED),
                        new StagedArtifact(ArtifactKind.BIN, "fp-cli", release.resolve("fp-cli"),
                                layout.stagedPathFor(ArtifactKind.BIN, release.resolve("fp-cli")),
                                1234, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", true,
                                ArtifactState.MIRRORED),
                        new StagedArtifact(ArtifactKind.CDYLIB, "with space", Path.of("/a dir/ünï/libx.so"),
                                Path.of("/b/libx.so"), 0, null, true, ArtifactState.RESTORED)));
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        StagingManifest written = sample();

        store.write(written);

        assertEquals(written, store.read().orElseThrow());
    }

    @Test
    void readsBackTheAuditVerdict() throws Exception {
        StagingManifest written = sample().withAudit(new AuditRecord("auto", "manylinux_2_17",
                List.of("manylinux_2_17_x86_64", "manylinux2014_x86_64"),
                java.util.Map.of("GLIBC", "GLIBC_2.14 from libc.so.6, needed by /x/libfast_parse.so"),
                List.of("libfoo.so.1 => /opt/native/lib/libfoo.so.1")));

        store.write(written);

        assertEquals(written, store.read().orElseThrow());
    }

    @Test
    void readsBackOverlaysAndGraftedLibraries() throws Exception {
        Overlay artifactEdits = Overlay.of(4096, List.of(new Overlay.Overwrite(64, new byte[] {1, 2, 3})),
                new byte[] {0, 'x', 0});
        Overlay libraryEdits = Overlay.of(100, List.of(), new byte[] {9, 8, 7, 6});
        StagingManifest written = sample()
                .withArtifact(0, a -> a.withOverlay(artifactEdits).withSha256("ab".repeat(32), null))
                .withGrafted(List.of(new GraftedLibrary(List.of("libfoo.so.1", "libfoo.so"),
                        Path.of("/opt/native/lib/libfoo.so.1.2"), "fast_parse.libs/libfoo-ab12cd34.so.1.2",
                        "ab12cd34" + "0".repeat(56), 100, "2026-11-30T09:00:00.123456789Z", libraryEdits)));

        store.write(written);
        StagingManifest read = store.read().orElseThrow();

        assertEquals(written, read);
        assertEquals(artifactEdits, read.artifacts().get(0).overlay());
        assertEquals(libraryEdits, read.grafted().get(0).overlay());
        assertEquals("libfoo-ab12cd34.so.1.2", read.grafted().get(0).fileName());
    }

    @Test
    void readsBackWhatWentIntoEachWheelAndKeepsItAcrossACompile() throws Exception {
        WheelRecord wheel = new WheelRecord(Path.of("/m/target/wheels/demo-1.0-py3-none-any.whl"), 4242,
                "2026-11-30T10:00:00.123456789Z", "deflated:6", List.of(new WheelRecord.Entry("demo/__init__.py",
                        "100644:file:/m/demo/__init__.py:12:2026-11-30T09:00:00Z", "abc", 12)));
        store.write(sample().withWheel(wheel));

        StagingManifest read = store.read().orElseThrow();
        assertEquals(List.of(wheel), read.wheels());
        WheelRecord rewritten = new WheelRecord(wheel.file(), 1, "later", "stored", List.of());
        assertEquals(List.of(rewritten), read.withWheel(rewritten).wheels(), "one record per wheel file");
        assertEquals(List.of(wheel), sample().withWheelsOf(Optional.of(read)).wheels());
    }

    private static String fixture() throws Exception {
        try (InputStream in = ManifestStoreTest.class.getResourceAsStream("manifest-v3.json")) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    @Test
    void readsEveryFieldOfAManifestTheEarlierReflectiveWriterWrote() throws Exception {
        Fixtures.write(layout.manifest(), fixture().getBytes(UTF_8));

        assertEquals(FullManifest.sample(), store.read().orElseThrow());
    }

    @Test
    void writesByteForByteWhatTheEarlierReflectiveWriterWrote() throws Exception {
        store.write(FullManifest.sample());

        assertEquals(fixture(), Files.readString(layout.manifest(), UTF_8));
    }

    @Test
    void aManifestWrittenBeforeDigestsCarriedTheirFileIdentityStillReads() throws Exception {
        Fixtures.write(layout.manifest(), fixture().replaceAll(",\\s*\"digested\" : null", "")
                .getBytes(UTF_8));

        assertEquals(FullManifest.sample(), store.read().orElseThrow());
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("\"size\" : 0,", "\"size\" : 0, \"colour\" : \"red\",",
                        "/artifacts/1/colour is not a field this plugin knows (\"colour\")"),
                Arguments.of("\"size\" : 0,", "\"size\" : \"0\",",
                        "/artifacts/1/size must be a whole number, not the string \"0\""),
                Arguments.of("\"size\" : 0,", "\"size\" : null,", "/artifacts/1/size must be a whole number, not null"),
                Arguments.of("\"size\" : 0,", "", "/artifacts/1/size is missing"),
                Arguments.of("\"fresh\" : false,", "\"fresh\" : 0,", "/artifacts/1/fresh must be true or false, not 0"),
                Arguments.of("\"kind\" : \"bin\"", "\"kind\" : \"staticlib\"",
                        "/artifacts/1/kind is staticlib, not cdylib or bin"),
                Arguments.of("\"STAGING\"", "\"TELEPORTED\"", "/artifacts/1/state is TELEPORTED, not one of [COMPILED,"),
                Arguments.of("\"linkedPaths\" : [ \"/opt/native/lib\"", "\"linkedPaths\" : [ null",
                        "/linkedPaths/0 must be a string, not null"),
                Arguments.of("\"appended\" : \"AHgA\"", "\"appended\" : \"not base64!\"",
                        "/artifacts/0/overlay/appended is not base64"),
                Arguments.of("\"offset\" : 200,", "\"offset\" : 4096,", "/artifacts/0/overlay is not an overlay:"
                        + " overlay overwrite at offset 4096 ends past the clean file's 4096 bytes"),
                Arguments.of("\"cargoPath\" : \"/src/fast parse/target/release/fp-cli\"",
                        "\"cargoPath\" : \"/a\\u0000b\"", "/artifacts/1/cargoPath is not a path here (Nul character"),
                Arguments.of("\"GLIBC\" : \"GLIBC_2.14", "\"GCC\" : null, \"GLIBC\" : \"GLIBC_2.14",
                        "/audit/highestVersions/GCC must be a string, not null"),
                Arguments.of("\"crate\" : {", "\"crate\" : [ ], \"unused\" : {", "/crate must be an object, not an array"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badValues")
    void aBadValueIsNamedByItsPathInTheManifestAndTheMessageSaysHowToRecover(String valid, String bad,
            String problem) throws Exception {
        String broken = fixture().replaceFirst(java.util.regex.Pattern.quote(valid),
                java.util.regex.Matcher.quoteReplacement(bad));
        assertNotEquals(fixture(), broken, "the corruption must change the file");
        Fixtures.write(layout.manifest(), broken.getBytes(UTF_8));

        CorruptManifestException e = assertThrows(CorruptManifestException.class, store::read);

        assertTrue(e.getMessage().startsWith("Cannot read the staging manifest " + layout.manifest()
                + ": it is not a valid manifest (" + problem), e.getMessage());
        assertTrue(e.getMessage().contains("Move any files in that directory back"), e.getMessage());
    }

    @Test
    void writesPathsAsPlainStrings() throws Exception {
        StagingManifest written = sample();
        store.write(written);

        JsonNode json = new ObjectMapper().readTree(layout.manifest().toFile());

        assertEquals(written.crate().manifestPath().toString(), json.path("crate").path("manifestPath").textValue());
        assertEquals("/opt/native/lib", json.path("linkedPaths").get(0).textValue());
        JsonNode first = json.path("artifacts").get(0);
        assertEquals(written.artifacts().get(0).cargoPath().toString(), first.path("cargoPath").textValue());
        assertEquals(written.artifacts().get(0).stagedPath().toString(), first.path("stagedPath").textValue());
        assertFalse(Files.readString(layout.manifest()).contains("file:"), "paths must not be written as URIs");
    }

    @Test
    void noManifestReadsAsEmpty() throws Exception {
        assertTrue(store.read().isEmpty());
        assertFalse(Files.exists(layout.root()), "reading must not create anything");
    }

    static Stream<Arguments> corruptions() {
        return Stream.of(
                Arguments.of("not JSON", (UnaryOperator<String>) valid -> "this is not json"),
                Arguments.of("empty file", (UnaryOperator<String>) valid -> ""),
                Arguments.of("JSON null", (UnaryOperator<String>) valid -> "null"),
                Arguments.of("truncated", (UnaryOperator<String>) valid -> valid.substring(0, valid.length() / 2)),
                Arguments.of("wrong schemaVersion", (UnaryOperator<String>) valid ->
                        valid.replaceFirst("\"schemaVersion\" : 3", "\"schemaVersion\" : 4")),
                Arguments.of("missing schemaVersion", (UnaryOperator<String>) valid ->
                        valid.replaceFirst("\"schemaVersion\" : 3,", "")),
                Arguments.of("a state this plugin does not know", (UnaryOperator<String>) valid ->
                        valid.replaceFirst("\"RENAMED\"", "\"TELEPORTED\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    void aCorruptManifestIsRefusedNamingTheFile(String what, UnaryOperator<String> corrupt) throws Exception {
        store.write(sample());
        String valid = Files.readString(layout.manifest(), UTF_8);
        String broken = corrupt.apply(valid);
        assertNotEquals(valid, broken, "the corruption must change the file");
        Files.writeString(layout.manifest(), broken, UTF_8);

        CorruptManifestException e = assertThrows(CorruptManifestException.class, store::read);

        assertEquals(layout.manifest(), e.file());
        assertTrue(e.getMessage().contains(layout.manifest().toString()), e.getMessage());
    }

    @Test
    void wrongSchemaVersionSaysWhichVersionItReads() throws Exception {
        store.write(sample());
        Files.writeString(layout.manifest(),
                Files.readString(layout.manifest()).replaceFirst("\"schemaVersion\" : 3", "\"schemaVersion\" : 7"));

        CorruptManifestException e = assertThrows(CorruptManifestException.class, store::read);

        assertTrue(e.getMessage().contains("schemaVersion is 7"), e.getMessage());
    }

    @Test
    void aManifestOfAnOlderPluginSaysSoAndHowToRecover() throws Exception {
        Files.createDirectories(layout.root());
        Files.writeString(layout.manifest(), "{\"schemaVersion\": 1, \"artifacts\": []}");

        CorruptManifestException e = assertThrows(CorruptManifestException.class, store::read);

        assertTrue(e.getMessage().contains("its schemaVersion is 1 (written by an older rustwheel), this plugin reads"
                + " version 3"), e.getMessage());
        assertTrue(e.getMessage().contains("Move any files in that directory back"), e.getMessage());
    }

    @Test
    void leavesNoTempFileBehind() throws Exception {
        store.write(sample());
        store.write(sample().withArtifact(0, a -> a.movedTo(ArtifactState.RESTORING)));

        try (Stream<Path> files = Files.list(layout.root())) {
            assertEquals(List.of(layout.manifest()), files.toList());
        }
    }

    @Test
    void aStaleTempFileFromACrashDoesNotLeakIntoTheNextWrite() throws Exception {
        Path temp = layout.manifest().resolveSibling("manifest.json.tmp");
        Fixtures.write(temp, "x".repeat(100_000).getBytes(UTF_8));

        store.write(sample());

        assertEquals(sample(), store.read().orElseThrow());
        assertFalse(Files.exists(temp));
    }

    @Test
    void replacesTheFileByRenameNotInPlace() throws Exception {
        store.write(sample());
        byte[] before = Files.readAllBytes(layout.manifest());
        Object keyBefore = Fixtures.fileKey(layout.manifest());
        StagingManifest next = sample().withArtifact(1, a -> a.movedTo(ArtifactState.RESTORING));

        try (InputStream openedBefore = Files.newInputStream(layout.manifest())) {
            store.write(next);

            // a reader that opened the old manifest still sees all of it: the new one is a different file
            assertArrayEquals(before, openedBefore.readAllBytes());
        }
        assertNotEquals(keyBefore, Fixtures.fileKey(layout.manifest()));
        assertEquals(next, store.read().orElseThrow());
    }

    @Test
    void aFailedWriteNamesTheManifest() throws Exception {
        // the module's build directory is a file, so the manifest's directory cannot be created
        Files.writeString(tempDir.resolve("target"), "not a directory");

        StagingException e = assertThrows(StagingException.class, () -> store.write(sample()));

        assertEquals(layout.manifest(), e.file());
        assertTrue(e.getMessage().contains(layout.manifest().toString()), e.getMessage());
    }
}
