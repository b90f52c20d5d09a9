def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

List<String> logs = h.invocationLogs()
assert logs.size() >= 2: "expected the Maven runs in build.log, found ${logs.size()}"
String all = h.buildLog()
// 1: what delocate tagged the wheel, its one external library, and libSystem as a system library
['"overall_tag" : "macosx_10_9_universal2"', '"libextfunc.dylib"', '"/usr/lib/libSystem.B.dylib"'].each {
    assert all.contains(it): "the macOS report lacks ${it}:\n${all}"
}
// 2: delvewheel's view: simpledll.dll found in libs, the rest the system's or Python's
['is consistent with the following platform tag: "win_amd64"', 'simpledll.dll => ', 'python312.dll',
 'vcruntime140.dll', 'kernel32.dll'].each {
    assert all.contains(it): "the Windows report lacks ${it}:\n${all}"
}
// 3: the repaired wheel, checked by pefile: the module imports the mangled DLL the wheel carries
File wheel = new File(basedir, 'target/wheels/simpleext-0.0.1-cp312-cp312-win_amd64.whl')
assert wheel.isFile(): "no repaired wheel at ${wheel}"
def check = ['/usr/bin/python3', '-c', '''
import sys, zipfile, io, pefile
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
dll = [n for n in names if n.startswith('simpledll-') and n.endswith('.dll')]
pyd = pefile.PE(data=z.read('simpleext.cp312-win_amd64.pyd'))
imports = [d.dll.decode() for d in pyd.DIRECTORY_ENTRY_IMPORT]
assert len(dll) == 1 and len(dll[0]) == len('simpledll-') + 32 + 4, names
assert dll[0] in imports and 'simpledll.dll' not in imports, imports
print('repaired ok', dll[0])
''', wheel.path].execute()
def out = new StringBuilder()
check.waitForProcessOutput(out, out)
assert check.exitValue() == 0 && out.contains('repaired ok'): "pefile check failed:\n${out}"

// 4: the Linux wheel, repaired as auditwheel repair would: a manylinux tag, libbar grafted into linuxext.libs/
List<File> linux = new File(basedir, 'target/wheels').listFiles().findAll { it.name.startsWith('linuxext-1.0-') }
assert linux.size() == 1 && linux[0].name ==~ /linuxext-1\.0-cp\d+-cp\d+-manylinux_2_\d+_x86_64.*\.whl/: linux*.name
Map<String, byte[]> entries = h.readZip(linux[0])
h.checkRecord(entries, 'linuxext-1.0.dist-info/RECORD')
List<String> grafted = entries.keySet().findAll { it ==~ /linuxext\.libs\/libbar-[0-9a-f]{8}\.so\.1/ } as List<String>
assert grafted.size() == 1: entries.keySet()
File unpacked = new File(basedir, 'linux-unpacked')
entries.each { name, bytes -> File f = new File(unpacked, name); f.parentFile.mkdirs(); f.bytes = bytes }
String dynamic = h.run(['readelf', '-d', "linuxext/linuxext${h.EXT_SUFFIX}" as String], unpacked)
String soname = grafted[0].substring('linuxext.libs/'.length())
assert dynamic.contains("Shared library: [${soname}]") && !dynamic.contains('[libbar.so.1]'): dynamic
assert dynamic.contains('[$ORIGIN/../linuxext.libs]') && !dynamic.contains('/opt/build/lib'): dynamic
// pip installs it and the module works with the library's own directory gone
assert new File(basedir, 'linuxlibs').renameTo(new File(basedir, 'linuxlibs-gone'))
h.assertImports(linux[0], 'linuxext', ['m.twice(21)': '42'])
return true
