def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))
def audit = evaluate(new File(itDir, '_shared/audit.groovy'))

String dist = 'shim_demo'
String command = "${dist}-0.1.0.data/scripts/shim-demo"
String real = "${dist}.scripts/shim-demo"
h.assertLogContains(h.buildLog(), 'BUILD SUCCESS', 'Grafting libextdep.so.1')

// the external library, where the build script left it
List<File> found = (h.file('target/release/build').listFiles() ?: [])
        .collect { new File(it, 'out/native/libextdep.so.1') }.findAll { it.isFile() }
assert found.size() == 1: "expected one libextdep.so.1 under target/release/build, found ${found}"
File nativeDir = found[0].parentFile
String grafted = "${dist}.libs/libextdep-${h.sha256(found[0]).substring(0, 8)}.so.1"

// the wheel: the patched executable beside the grafted library, and the shim as the command
File exe = h.file('target/release/shim-demo')
File wheel = h.singleWheel("${dist}-0.1.0-py3-none-${audit.expectedPlatforms(exe).join('.')}.whl")
Map<String, byte[]> entries = h.readZip(wheel)
List<String> payload = entries.keySet().findAll { !it.startsWith("${dist}-0.1.0.dist-info/") }.sort()
assert payload == [command, grafted, real].collect { it as String }.sort(): "wheel payload ${payload}"
h.checkRecord(entries, "${dist}-0.1.0.dist-info/RECORD")
String shim = new String(entries[command] as byte[], 'UTF-8')
assert shim.startsWith('#!python\n') && shim.contains('os.execv('): "the command is no shim:\n${shim}"
assert h.sha256(entries[real] as byte[]) != h.sha256(exe): 'the wheel holds the unrepaired executable'

// cargo's output holds the bytes cargo wrote: equal to its deps/ copy
List<File> deps = (h.file('target/release/deps').listFiles() as List<File>)
        .findAll { it.name.startsWith('shim_demo-') && !it.name.contains('.') }
assert deps.size() == 1: "expected cargo's one deps/ copy of the executable, found ${deps}"
assert h.sha256(exe) == h.sha256(deps[0]): "${exe} differs from ${deps[0]}: cargo's output was modified"

// the manifest: the executable's clean digest, taken by package in the pass that streamed its patched bytes (repair
// reads no file whole), and the grafted library's size and mtime, which spare a rebuild another read of it
Map manifest = h.manifest()
Map binArtifact = h.artifact(manifest, 'bin', 'shim-demo')
assert binArtifact.sha256 == h.sha256(exe): "manifest sha256 ${binArtifact.sha256} is not the digest of ${exe}"
assert manifest.grafted.collect { [it.sha256, it.sourceSize] } == [[h.sha256(found[0]), found[0].length()]]:
        "grafted libraries in the manifest: ${manifest.grafted}"

// installed with pip, the command runs the executable with the library's build directory gone
// and so does the patched executable under qemu-x86_64, which finds the program headers as kernels before 5.18 do
// (at the first PT_LOAD's base plus e_phoff): the systems manylinux tags promise to run on
String py = h.installWheel(wheel)
File bin = new File(new File(py).parentFile, 'shim-demo')
String site = h.run([py, '-c', 'import sysconfig; print(sysconfig.get_paths()["platlib"])'], basedir).trim()
File hidden = new File(nativeDir.parentFile, 'native-hidden')
assert nativeDir.renameTo(hidden): "cannot move ${nativeDir} away"
try {
    assert h.run([bin.path, '2', '40', '-7'], basedir) == '2 + 40 + -7 = 35\n'
    assert h.run(['qemu-x86_64', "${site}/${real}" as String, '2', '40', '-7'], basedir) == '2 + 40 + -7 = 35\n'
} finally {
    assert hidden.renameTo(nativeDir): "cannot move ${hidden} back"
}

// readelf on the installed executable: the grafted library's new name, found one level up from <dist>.scripts/
String dynamic = h.run(['readelf', '-d', "${site}/${real}" as String], basedir)
assert dynamic.contains("Shared library: [${grafted.substring(dist.length() + 6)}]"): "installed NEEDED:\n${dynamic}"
assert dynamic.contains("Library rpath: [\$ORIGIN/../${dist}.libs]"): "installed RPATH:\n${dynamic}"
return true
