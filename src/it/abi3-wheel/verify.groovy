def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))
def s = evaluate(new File(itDir, '_shared/standards.groovy'))
def audit = evaluate(new File(itDir, '_shared/audit.groovy'))

h.assertLogContains(h.buildLog(), 'BUILD SUCCESS')

// pyo3-ffi's resolved features hold abi3-py37 (and the versions above it): one stable-ABI wheel for CPython >= 3.7
List<String> platforms = audit.expectedPlatforms(h.cdylib(basedir, 'ffi_abi3'))
File wheel = h.singleWheel("ffi_abi3-1.1.0-cp37-abi3-${platforms.join('.')}.whl")
String distInfo = 'ffi_abi3-1.1.0.dist-info'
List<String> names = s.entryNames(wheel)
assert names == ['ffi_abi3/__init__.py', 'ffi_abi3/ffi_abi3.abi3.so', "${distInfo}/METADATA",
                 "${distInfo}/WHEEL", "${distInfo}/sboms/ffi-abi3.cyclonedx.json", "${distInfo}/RECORD"].collect { it as String }: "wheel entries ${names}"
Map<String, byte[]> entries = h.readZip(wheel)
h.checkRecord(entries, "${distInfo}/RECORD")
assert h.headers(new String(entries["${distInfo}/WHEEL" as String], 'UTF-8'))['Tag'] == platforms.collect { "cp37-abi3-${it}" as String }

String py = h.installWheel(wheel)
String out = h.run([py, '-c', 'import ffi_abi3 as m, ffi_abi3.ffi_abi3 as e; print(m.double(21), e.__file__.endswith(".abi3.so"))'],
        new File(basedir, 'target'), ['PYTHONDONTWRITEBYTECODE': '1']).trim()
assert out == '42 True': "python printed '${out}'"
Map manifest = h.manifest()
assert manifest.crate.bindingCrates['pyo3-ffi'].contains('abi3-py37'): "manifest records pyo3-ffi features ${manifest.crate.bindingCrates}"
return true
