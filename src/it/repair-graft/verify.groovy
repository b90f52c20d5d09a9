def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))
def audit = evaluate(new File(itDir, '_shared/audit.groovy'))

String module = 'graft_demo'
String ext = "${module}/${module}${h.EXT_SUFFIX}"
List<String> runs = h.invocationLogs()
assert runs.size() == 3: "expected 3 Maven runs in build.log, found ${runs.size()}"
[0, 1].each { h.assertLogContains(runs[it], 'BUILD SUCCESS') }

// the external library, where the build script left it (cargo reports its directory as a linked path)
List<File> found = (h.file('target/release/build').listFiles() ?: [])
        .collect { new File(it, 'out/native/libextdep.so.1') }.findAll { it.isFile() }
assert found.size() == 1: "expected one libextdep.so.1 under target/release/build, found ${found}"
File nativeDir = found[0].parentFile
String grafted = "libextdep-${h.sha256(found[0]).substring(0, 8)}.so.1"

// run 2 compiled nothing: cargo found the crate fresh although run 1 had staged (and restored) its output
h.assertLogContains(runs[0], 'Grafting libextdep.so.1', "as ${module}.libs/${grafted}")
assert !runs[1].contains('Compiling graft-demo'): 'the second build recompiled the crate'
h.assertLogContains(runs[1], "as ${module}.libs/${grafted}")

// the wheel: the module, its __init__.py and the grafted library; RECORD digests of the patched bytes
File so = h.cdylib(basedir, module)
File wheel = h.singleWheel("graft_demo-0.1.0-${audit.fileTag(so)}.whl")
Map<String, byte[]> entries = h.readZip(wheel)
List<String> payload = entries.keySet().findAll { !it.startsWith('graft_demo-0.1.0.dist-info/') }.sort()
assert payload == ["${module}.libs/${grafted}", "${module}/__init__.py", ext].collect { it as String }.sort():
        "wheel payload ${payload}"
h.checkRecord(entries, 'graft_demo-0.1.0.dist-info/RECORD')
assert h.sha256(entries[ext] as byte[]) != h.sha256(so): 'the wheel holds the unrepaired module'

// the SBOM names the grafted library by its file name in the wheel, with the digest of the file it came from
Map bom = h.sbom(entries, 'graft_demo-0.1.0.dist-info', 'graft-demo', wheel.name)
Map library = bom.components.find { it.name == grafted }
assert library != null: "the SBOM names no ${grafted}: ${bom.components*.name}"
assert library.hashes == [[alg: 'SHA-256', content: h.sha256(found[0])]]: "grafted library's digest: ${library.hashes}"
assert bom.dependencies.find { it.ref == bom.metadata.component.'bom-ref' }.dependsOn.contains(library.'bom-ref')

// cargo's output holds the bytes cargo wrote (equal to its deps/ copy), and run 3's compile found it fresh
h.assertCdylibClean(basedir, module)
Map artifact = h.artifact(h.manifest(), 'cdylib', module)
assert artifact.fresh == true && artifact.state == 'RESTORED': "manifest after run 3: ${artifact}"

// installed with pip, the module imports and calls the grafted library with the original directory gone
String py = h.installWheel(wheel)
File hidden = new File(nativeDir.parentFile, 'native-hidden')
assert nativeDir.renameTo(hidden): "cannot move ${nativeDir} away"
try {
    h.assertImports(wheel, module, ['m.add(2, 40)': '42', 'm.add(-7, 3)': '-4'])
} finally {
    assert hidden.renameTo(nativeDir): "cannot move ${hidden} back"
}

// readelf on the installed files: the new NEEDED and $ORIGIN RPATH, the grafted library's new SONAME
String site = h.run([py, '-c', 'import sysconfig; print(sysconfig.get_paths()["platlib"])'], basedir).trim()
String moduleDynamic = h.run(['readelf', '-d', "${site}/${ext}" as String], basedir)
assert moduleDynamic.contains("Shared library: [${grafted}]"): "installed module's NEEDED:\n${moduleDynamic}"
assert !moduleDynamic.contains('Shared library: [libextdep.so.1]'): "old NEEDED left:\n${moduleDynamic}"
assert moduleDynamic.contains("Library rpath: [\$ORIGIN/../${module}.libs]"): "installed module's RPATH:\n${moduleDynamic}"
assert !moduleDynamic.contains('runpath'): "the module keeps a RUNPATH:\n${moduleDynamic}"
String libDynamic = h.run(['readelf', '-d', "${site}/${module}.libs/${grafted}" as String], basedir)
assert libDynamic.contains("Library soname: [${grafted}]"): "grafted library's SONAME:\n${libDynamic}"

// run 3: auditwheel = check refuses, naming the library, and gives cargo its output back
String check = runs[2]
h.assertLogContains(check, 'BUILD FAILURE', 'auditwheel = check, but the wheel would need these libraries grafted',
        "libextdep.so.1 => ${nativeDir.canonicalPath}/libextdep.so.1")
h.assertCdylibClean(basedir, module)

// and cargo, run by hand, has nothing to do
h.assertCargoFresh(basedir, module)

// 4: the library to graft has a PT_LOAD with p_filesz > p_memsz (a hostile or broken file): repair refuses it,
// naming the file and the segment, instead of patching it into a broken copy; cargo's output is given back
def mvn = evaluate(new File(itDir, '_shared/maven.groovy'))
File toGraft = new File(nativeDir, 'libextdep.so.1')
byte[] original = toGraft.bytes
java.nio.ByteBuffer elf = java.nio.ByteBuffer.wrap(toGraft.bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN)
long phoff = elf.getLong(32)
int phentsize = elf.getShort(54), phnum = elf.getShort(56)
int load = (0..<phnum).collect { (int) phoff + it * phentsize }.find { elf.getInt(it) == 1 }
elf.putLong(load + 32, elf.getLong(load + 40) + 0x10)
toGraft.bytes = elf.array()
try {
    File bad = mvn.log('bad-segment')
    assert mvn.run(['package'], bad) != 0: "a library with p_filesz > p_memsz was grafted, see ${bad}"
    h.assertLogContains(bad.text, 'BUILD FAILURE', 'libextdep.so.1', '(PT_LOAD at offset', 'larger than p_memsz')
    h.assertCdylibClean(basedir, module)
} finally {
    toGraft.bytes = original
}
return true
