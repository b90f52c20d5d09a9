def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

String module = 'raw_ffi_demo'
h.assertLogContains(h.buildLog(), 'BUILD SUCCESS')

// the wheel: name from Cargo.toml (no pyproject.toml), layout, metadata, RECORD
File wheel = h.singleWheel('raw_ffi_demo-0.1.0-cp311-cp311-linux_x86_64.whl')
Map entries = h.checkWheel(wheel, 'raw_ffi_demo', '0.1.0', module)

// a real client installs and uses it
h.assertImports(wheel, module, ['m.add(2, 40)': '42', 'm.add(-7, 3)': '-4'])

// cargo has its output back, byte for byte what went into the wheel
File so = h.cdylib(basedir, module)
h.assertCdylibClean(basedir, module)
assert h.sha256(so) == h.sha256(entries["${module}/${module}.cpython-311-x86_64-linux-gnu.so" as String] as byte[]):
        "the wheel's extension is not cargo's ${so}"

// the manifest tells the same story: compiled in this build (cargo's fresh=false), restored
h.assertRestoredCdylib(h.manifest(), basedir, module, false)

// and cargo, run by hand, has nothing to do
h.assertCargoFresh(basedir, module)
return true
