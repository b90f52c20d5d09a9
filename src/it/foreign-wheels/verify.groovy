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
return true
