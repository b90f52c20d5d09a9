def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))
def audit = evaluate(new File(itDir, '_shared/audit.groovy'))

String module = 'pyo3_demo'
Map env = ['PYO3_PYTHON': 'python3']   // as in pom.xml
h.assertLogContains(h.buildLog(), 'BUILD SUCCESS')

// Cargo.toml says 0.3.0-alpha.2: PEP 440 spells it 0.3.0a2, in the file name and in METADATA
File wheel = h.singleWheel("pyo3_demo-0.3.0a2-${audit.fileTag(h.cdylib(basedir, module))}.whl")
Map entries = h.checkWheel(wheel, 'pyo3_demo', '0.3.0a2', module, audit.wheelTags(h.cdylib(basedir, module)))

// the SBOM lists pyo3 and every crate it pulls in (as maturin 1.15 lists them), with licenses and the graph
Map bom = h.sbom(entries, 'pyo3_demo-0.3.0a2.dist-info', 'pyo3-demo', wheel.name)
Map<String, Map> components = bom.components.collectEntries { [(it.purl): it] }
['pyo3@0.17.3', 'pyo3-ffi@0.17.3', 'pyo3-macros@0.17.3', 'pyo3-build-config@0.17.3', 'libc@0.2.139',
 'parking_lot@0.12.1', 'indoc@1.0.4', 'unindent@0.1.8', 'target-lexicon@0.12.3'].each {
    assert components.containsKey("pkg:cargo/${it}" as String): "the SBOM lists no ${it}: ${components.keySet()}"
}
assert components['pkg:cargo/pyo3@0.17.3'].licenses == [[expression: 'Apache-2.0']]
assert bom.dependencies.find { it.ref == 'pkg:cargo/pyo3-demo@0.3.0-alpha.2' }.dependsOn == ['pkg:cargo/pyo3@0.17.3']

h.assertImports(wheel, module, [
        'm.greet("maven")'                   : "'hello, maven, from rust'",
        'm.add(40, 2)'                       : '42',
        'm.pyo3_demo.greet is m.greet'       : 'True',
])

// `mvn package` stops before verify: package must already have given cargo its output back, unpatched
File so = h.cdylib(basedir, module)
h.assertCdylibClean(basedir, module)
assert h.sha256(so) == h.sha256(entries["${module}/${module}.cpython-311-x86_64-linux-gnu.so" as String] as byte[]):
        "the wheel's extension is not cargo's ${so}"
h.assertRestoredCdylib(h.manifest(), basedir, module, false)

h.assertCargoFresh(basedir, module, env)
return true
