// Shared helper for the rustwheel integration tests, evaluated by each setup.groovy / verify.groovy:
//
//   def itDir = new File(itSourceDir as String)
//   def it = evaluate(new File(itDir, '_shared/helper.groovy'))
//
// It returns an ItHelper bound to the calling script's `basedir` (the cloned IT project). Every check
// throws an AssertionError that names what was expected and what was found; nothing is skipped silently.

import groovy.json.JsonSlurper

import java.nio.file.Files
import java.nio.file.StandardCopyOption
import java.security.MessageDigest
import java.util.concurrent.TimeUnit
import java.util.zip.ZipFile

class ItHelper {
    /** The interpreter the ITs build for (the python3 on PATH), asked once: its cpXY tag, EXT_SUFFIX, platform. */
    static final List<String> PYTHON = ['python3', '-c', 'import sys, sysconfig; print("cp%d%d" % sys.version_info[:2]);'
            + ' print(sysconfig.get_config_var("EXT_SUFFIX")); print(sysconfig.get_platform().replace("-", "_").replace(".", "_"))']
            .execute().text.readLines()
    static final String INTERPRETER = PYTHON[0]
    static final String EXT_SUFFIX = PYTHON[1]
    static final String TAG = "${INTERPRETER}-${INTERPRETER}-${PYTHON[2]}" as String

    File basedir
    File itDir
    File rawFfiSource
    String python

    // ---------------------------------------------------------------- files

    File file(String relative) { new File(basedir, relative) }

    static String sha256(File f) {
        assert f.isFile(): "expected a file at ${f}"
        MessageDigest md = MessageDigest.getInstance('SHA-256')
        f.withInputStream { InputStream in ->
            byte[] buf = new byte[65536]
            int n
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n)
            }
        }
        return md.digest().encodeHex().toString()
    }

    static String sha256(byte[] bytes) {
        MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString()
    }

    /** Copies the shared raw-FFI extension source into {@code crateDir/src/lib.rs} for the given lib name. */
    void rawFfiCrate(File crateDir, String module) {
        File dest = new File(crateDir, 'src/lib.rs')
        dest.parentFile.mkdirs()
        dest.text = rawFfiSource.text.replace('hello_ffi', module)
        assert new File(crateDir, 'Cargo.toml').isFile(): "no Cargo.toml in ${crateDir}"
    }

    // ---------------------------------------------------------------- processes

    /** Runs a command, returns [exit, stdout, stderr]; never throws for a non-zero exit. */
    static List exec(List<String> cmd, File dir, Map<String, String> env = [:], long timeoutSeconds = 600) {
        ProcessBuilder pb = new ProcessBuilder(cmd.collect { it as String }).directory(dir)
        pb.environment().putAll(env)
        Process p = pb.start()
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        Thread to = Thread.start { out << p.inputStream }
        Thread te = Thread.start { err << p.errorStream }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly()
            throw new AssertionError("timed out after ${timeoutSeconds}s: ${cmd.join(' ')} in ${dir}")
        }
        to.join(); te.join()
        return [p.exitValue(), out.toString('UTF-8'), err.toString('UTF-8')]
    }

    /** Runs a command that must succeed; returns its stdout. */
    static String run(List<String> cmd, File dir, Map<String, String> env = [:]) {
        def (int code, String out, String err) = exec(cmd, dir, env)
        if (code != 0) {
            throw new AssertionError("`${cmd.join(' ')}` in ${dir} exited ${code}\n--- stdout\n${out}\n--- stderr\n${err}")
        }
        return out
    }

    // ---------------------------------------------------------------- cargo

    /** cargo's own uplifted output for a cdylib: target/release/lib<name>.so under the crate. */
    static File cdylib(File crateDir, String module) { new File(crateDir, "target/release/lib${module}.so") }

    /** Builds the crate with plain cargo, as a developer would. */
    static void cargoBuild(File crateDir, Map<String, String> env = [:]) {
        run(['cargo', 'build', '--release'], crateDir, env)
    }

    /**
     * Runs `cargo build --release --message-format=json` in the crate and returns the compiler-artifact
     * message of the target named {@code targetName} (the lib name).
     */
    static Map cargoArtifactMessage(File crateDir, String targetName, Map<String, String> env = [:]) {
        String out = run(['cargo', 'build', '--release', '--message-format=json'], crateDir, env)
        def slurper = new JsonSlurper()
        List<Map> msgs = out.readLines().findAll { it.startsWith('{') }.collect { slurper.parseText(it) as Map }
                .findAll { it.reason == 'compiler-artifact' && it.target?.name == targetName }
        assert msgs.size() == 1: "expected one compiler-artifact message for ${targetName}, got ${msgs.size()}:\n${out}"
        return msgs[0]
    }

    /** cargo, run again by hand, must find the cdylib fresh and leave its bytes alone. */
    static void assertCargoFresh(File crateDir, String module, Map<String, String> env = [:]) {
        File so = cdylib(crateDir, module)
        String before = sha256(so)
        Map msg = cargoArtifactMessage(crateDir, module, env)
        assert msg.target.kind.contains('cdylib'): "not a cdylib: ${msg.target}"
        assert msg.fresh == true: "cargo rebuilt ${module} after the Maven build (fresh=${msg.fresh}): ${msg}"
        assert msg.filenames.any { new File(it as String).canonicalFile == so.canonicalFile }:
                "cargo reports ${msg.filenames}, expected ${so}"
        assert sha256(so) == before: "${so} changed when cargo ran again"
    }

    /** The uplifted .so and cargo's deps/ copy (a hard link) hold the same bytes: nothing was patched in place. */
    static void assertCdylibClean(File crateDir, String module) {
        File so = cdylib(crateDir, module)
        assert so.isFile(): "cargo's output ${so} is missing after the build"
        File deps = new File(crateDir, "target/release/deps/lib${module}.so")
        assert deps.isFile(): "cargo's ${deps} is missing"
        assert sha256(so) == sha256(deps): "${so} differs from ${deps}: cargo's output was modified"
    }

    /**
     * Builds the crate with plain cargo before the Maven build, and records the digest of the cdylib,
     * so that a failing build can be checked to have left cargo's output as it was.
     */
    static void prebuild(File crateDir, String module) {
        cargoBuild(crateDir)
        File so = cdylib(crateDir, module)
        assert so.isFile(): "cargo build produced no ${so}"
        new File(crateDir, 'target/it-prebuilt.sha256').text = sha256(so)
    }

    /** cargo's output from {@link #prebuild} is still there, unchanged. */
    static void assertPrebuiltIntact(File crateDir, String module) {
        File so = cdylib(crateDir, module)
        assert so.isFile(): "the failed build lost cargo's output ${so}"
        String expected = new File(crateDir, 'target/it-prebuilt.sha256').text.trim()
        assert sha256(so) == expected: "the failed build changed cargo's output ${so}"
        // (no deps/ comparison here: when rustc fails it removes its deps/ output, and cargo keeps the uplifted one)
    }

    // ---------------------------------------------------------------- maven log

    String buildLog() {
        File log = file('build.log')
        assert log.isFile(): "no build.log in ${basedir}"
        return log.getText('UTF-8')
    }

    /**
     * build.log holds every invocation of invoker.goals.N one after another (maven-invoker-plugin 3.9.x);
     * each Maven run starts with "Scanning for projects...". Returns one string per invocation.
     */
    List<String> invocationLogs() {
        String log = buildLog()
        String marker = 'Scanning for projects...'
        List<Integer> starts = []
        for (int i = log.indexOf(marker); i >= 0; i = log.indexOf(marker, i + 1)) starts << i
        return starts.withIndex().collect { int start, int n ->
            log.substring(start, n + 1 < starts.size() ? starts[n + 1] : log.length())
        }
    }

    void assertLogContains(String log, String... needles) {
        needles.each { n -> assert log.contains(n): "build.log lacks \"${n}\"" }
    }

    /** The failure ITs: Maven failed, and the plugin said so in the words the user needs. */
    void assertFailedWith(String... needles) {
        String log = buildLog()
        assertLogContains(log, 'BUILD FAILURE')
        assert !log.contains('BUILD SUCCESS'): 'build.log reports BUILD SUCCESS'
        assertLogContains(log, needles)
        assert !log.contains('NullPointerException'): 'the failure is a NullPointerException, not a message'
        List<File> wheels = (file('target/wheels').listFiles() ?: []).findAll { it.name.endsWith('.whl') }
        assert wheels.isEmpty(): "a failed build left wheels: ${wheels}"
    }

    // ---------------------------------------------------------------- manifest

    Map manifest(File f = file('target/rustwheel/manifest.json')) {
        assert f.isFile(): "no staging manifest at ${f}"
        Map m = new JsonSlurper().parse(f) as Map
        assert m.schemaVersion == 3: "schemaVersion ${m.schemaVersion}"
        assert m.artifacts instanceof List: "manifest has no artifacts list: ${m}"
        return m
    }

    static Map artifact(Map manifest, String kind, String name) {
        List<Map> found = manifest.artifacts.findAll { it.kind == kind && it.name == name }
        assert found.size() == 1: "expected one ${kind} artifact named ${name} in the manifest, found ${manifest.artifacts}"
        return found[0]
    }

    /** The manifest entry of the module's cdylib after a successful build that gave cargo its output back. */
    void assertRestoredCdylib(Map manifest, File crateDir, String module, boolean expectFresh) {
        Map a = artifact(manifest, 'cdylib', module)
        File so = cdylib(crateDir, module)
        assert new File(a.cargoPath as String).canonicalFile == so.canonicalFile: "cargoPath ${a.cargoPath}, expected ${so}"
        assert new File(a.cargoPath as String).isAbsolute(): "cargoPath is not absolute: ${a.cargoPath}"
        assert (a.stagedPath as String).contains('/target/rustwheel/staging/'): "stagedPath ${a.stagedPath}"
        assert a.state == 'RESTORED': "artifact state ${a.state}, expected RESTORED"
        assert a.size == so.length(): "manifest size ${a.size}, file has ${so.length()}"
        assert a.sha256 == sha256(so): "manifest sha256 ${a.sha256} is not the digest of ${so}"
        assert a.fresh == expectFresh: "manifest fresh=${a.fresh}, expected ${expectFresh} (cargo's flag in this build)"
    }

    // ---------------------------------------------------------------- wheel

    static String normalize(String name) { name.toLowerCase().replaceAll(/[-_.]+/, '-') }

    /** Exactly one wheel in target/wheels, with the expected file name. */
    File singleWheel(String expectedName, File projectDir = basedir) {
        File dir = new File(projectDir, 'target/wheels')
        assert dir.isDirectory(): "no ${dir}"
        List<String> names = (dir.listFiles() as List<File>).findAll { it.name.endsWith('.whl') }*.name.sort()
        assert names == [expectedName]: "wheels in ${dir}: ${names}, expected [${expectedName}]"
        return new File(dir, expectedName)
    }

    static Map<String, byte[]> readZip(File zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>()
        new ZipFile(zip).withCloseable { ZipFile z ->
            z.entries().each { e ->
                if (!e.isDirectory()) {
                    assert !entries.containsKey(e.name): "duplicate zip entry ${e.name} in ${zip.name}"
                    entries[e.name] = z.getInputStream(e).bytes
                }
            }
        }
        return entries
    }

    /**
     * Checks the wheel's layout, metadata and RECORD, and returns its entries.
     * {@code dist} and {@code version} are the escaped name and PEP 440 version of the file name; {@code tags} the
     * WHEEL file's Tag lines.
     */
    static Map<String, byte[]> checkWheel(File wheel, String dist, String version, String module, List<String> tags = [TAG]) {
        Map<String, byte[]> e = readZip(wheel)
        String distInfo = "${dist}-${version}.dist-info"
        String so = "${module}/${module}${EXT_SUFFIX}"
        String init = "${module}/__init__.py"

        List<String> moduleFiles = e.keySet().findAll { !it.startsWith(distInfo + '/') }.sort()
        assert moduleFiles == [init, so].sort(): "files outside ${distInfo}: ${moduleFiles}, expected ${[init, so]}"
        ['METADATA', 'WHEEL', 'RECORD'].each { assert e.containsKey("${distInfo}/${it}" as String): "no ${distInfo}/${it} in ${e.keySet()}" }

        String initText = new String(e[init], 'UTF-8')
        assert initText.contains("from .${module} import *"): "__init__.py does not re-export the extension:\n${initText}"

        byte[] soBytes = e[so]
        assert soBytes.length > 4 && soBytes[0] == 0x7f && new String(soBytes, 1, 3, 'US-ASCII') == 'ELF': "${so} is not an ELF file"

        Map<String, List<String>> metadata = headers(new String(e["${distInfo}/METADATA" as String], 'UTF-8'))
        assert metadata['Metadata-Version']: "METADATA has no Metadata-Version: ${metadata}"
        assert metadata['Name']?.size() == 1 && normalize(metadata['Name'][0]) == normalize(dist): "METADATA Name ${metadata['Name']}, expected ${dist}"
        assert metadata['Version'] == [version]: "METADATA Version ${metadata['Version']}, expected ${version}"

        Map<String, List<String>> wheelMeta = headers(new String(e["${distInfo}/WHEEL" as String], 'UTF-8'))
        assert wheelMeta['Wheel-Version'] == ['1.0']: "WHEEL Wheel-Version ${wheelMeta['Wheel-Version']}"
        assert wheelMeta['Root-Is-Purelib'] == ['false']: "WHEEL Root-Is-Purelib ${wheelMeta['Root-Is-Purelib']}"
        assert wheelMeta['Tag'] == tags: "WHEEL Tag ${wheelMeta['Tag']}, expected ${tags}"

        checkRecord(e, "${distInfo}/RECORD")
        return e
    }

    /**
     * The wheel's CycloneDX SBOM, {@code <distInfo>/sboms/<crate>.cyclonedx.json}, parsed: checks that RECORD lists
     * it and that the wheel is its root component.
     */
    static Map sbom(Map<String, byte[]> e, String distInfo, String crate, String wheelFileName) {
        String path = "${distInfo}/sboms/${crate}.cyclonedx.json"
        assert e.containsKey(path): "no ${path} in ${e.keySet()}"
        assert new String(e["${distInfo}/RECORD" as String], 'UTF-8').readLines().any { it.startsWith(path + ',sha256=') }:
                "RECORD does not list ${path}"
        Map bom = new JsonSlurper().parse(e[path]) as Map
        assert bom.bomFormat == 'CycloneDX' && (bom.specVersion as String) >= '1.4': "not CycloneDX 1.4+: ${bom.specVersion}"
        assert (bom.metadata.component.purl as String).endsWith("?file_name=${wheelFileName}"):
                "the SBOM's root is not the wheel: ${bom.metadata.component}"
        return bom
    }

    /** RFC 822 style "Key: value" headers up to the first blank line (the body of METADATA is free text). */
    static Map<String, List<String>> headers(String text) {
        Map<String, List<String>> h = [:].withDefault { [] }
        for (String line : text.readLines()) {
            if (line.isEmpty()) break
            if (line.startsWith(' ') || line.startsWith('\t')) continue
            int colon = line.indexOf(':')
            if (colon > 0) h[line.substring(0, colon)] << line.substring(colon + 1).trim()
        }
        return new HashMap<>(h)
    }

    /** Every entry but RECORD is listed once with its urlsafe-base64 SHA-256 and size; RECORD lists itself without. */
    static void checkRecord(Map<String, byte[]> e, String recordName) {
        List<String> lines = new String(e[recordName], 'UTF-8').readLines().findAll { !it.isEmpty() }
        Map<String, List<String>> rows = [:]
        lines.each { line ->
            List<String> cols = line.split(',', -1) as List<String>
            assert cols.size() == 3: "RECORD row is not path,hash,size: ${line}"
            assert !rows.containsKey(cols[0]): "RECORD lists ${cols[0]} twice"
            rows[cols[0]] = cols
        }
        assert rows.keySet() == e.keySet(): "RECORD lists ${rows.keySet().sort()}, wheel holds ${e.keySet().sort()}"
        rows.each { path, cols ->
            if (path == recordName) {
                assert cols[1] == '' && cols[2] == '': "RECORD's own row must have no hash or size: ${cols}"
            } else {
                byte[] data = e[path]
                String digest = 'sha256=' + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(MessageDigest.getInstance('SHA-256').digest(data))
                assert cols[1] == digest: "RECORD hash of ${path} is ${cols[1]}, entry hashes to ${digest}"
                assert cols[2] == String.valueOf(data.length): "RECORD size of ${path} is ${cols[2]}, entry has ${data.length}"
            }
        }
    }

    // ---------------------------------------------------------------- python

    private Map<File, String> venvs = [:]

    /** Installs the wheel into a fresh venv with pip (no index, no dependencies); returns the venv's python. */
    String installWheel(File wheel) {
        if (venvs.containsKey(wheel)) return venvs[wheel]
        File venv = file("target/it-venv-${venvs.size()}")
        if (venv.exists()) venv.deleteDir()
        run([python, '-m', 'venv', venv.absolutePath], basedir)
        String py = new File(venv, 'bin/python').absolutePath
        run([py, '-m', 'pip', 'install', '--no-index', '--no-deps', '--disable-pip-version-check', '--no-cache-dir',
             wheel.absolutePath], basedir)
        venvs[wheel] = py
        return py
    }

    /**
     * Installs the wheel and calls into the module: the package must come from the venv's site-packages,
     * its extension must be the wheel's .so, and each Python expression (using `m`) must print its repr.
     */
    void assertImports(File wheel, String module, Map<String, String> callsToRepr) {
        String py = installWheel(wheel)
        String code = """\
import importlib, os, sys
m = importlib.import_module(${pyStr(module)})
assert os.path.realpath(m.__file__).startswith(os.path.realpath(sys.prefix) + os.sep), (m.__file__, sys.prefix)
ext = sys.modules[${pyStr(module + '.' + module)}]
assert ext.__file__.endswith(${pyStr(module + EXT_SUFFIX)}), ext.__file__
""" + callsToRepr.keySet().collect { "print(repr(${it}))\n" }.join('')
        File cwd = file('target/it-cwd')
        cwd.mkdirs()
        List<String> out = run([py, '-c', code], cwd, ['PYTHONDONTWRITEBYTECODE': '1']).readLines()
        assert out == callsToRepr.values() as List: "python printed ${out}, expected ${callsToRepr.values()}"
    }

    static String pyStr(String s) { "'" + s.replace('\\', '\\\\').replace("'", "\\'") + "'" }
}

return new ItHelper(basedir: basedir as File, itDir: new File(itSourceDir as String),
        rawFfiSource: new File(rawFfiSource as String), python: pythonExecutable as String)
