def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

String module = 'child_native'
File child = new File(basedir, 'child')
String log = h.buildLog()
h.assertLogContains(log, 'BUILD SUCCESS', 'child', 'parent-plugin-management')

// the child's wheel, in the child's target/wheels
File wheel = h.singleWheel("child_native-0.2.0-${h.TAG}.whl" as String, child)
Map entries = h.checkWheel(wheel, 'child_native', '0.2.0', module)
h.assertImports(wheel, module, ['m.add(3, 4)': '7'])

File so = h.cdylib(child, module)
h.assertCdylibClean(child, module)
assert h.sha256(so) == h.sha256(entries["${module}/${module}${h.EXT_SUFFIX}" as String] as byte[])
h.assertRestoredCdylib(h.manifest(new File(child, 'target/rustwheel/manifest.json')), child, module, false)

// pluginManagement alone binds nothing: the parent did not run the plugin
assert !new File(basedir, 'target/wheels').exists(): 'the parent (packaging pom) built wheels'
assert !new File(basedir, 'target/rustwheel').exists(): 'the plugin ran in the parent'

h.assertCargoFresh(child, module)
return true
