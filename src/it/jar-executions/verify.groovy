def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

String module = 'jar_native'
h.assertLogContains(h.buildLog(), 'BUILD SUCCESS')

// [project] name "jar-exec-demo" version "2.1.0" wins over Cargo.toml's jar-exec-native 0.0.1
File wheel = h.singleWheel("jar_exec_demo-2.1.0-${h.TAG}.whl" as String)
Map entries = h.checkWheel(wheel, 'jar_exec_demo', '2.1.0', module)
h.assertImports(wheel, module, ['m.add(1, 1)': '2'])

File so = h.cdylib(basedir, module)
h.assertCdylibClean(basedir, module)
assert h.sha256(so) == h.sha256(entries["${module}/${module}${h.EXT_SUFFIX}" as String] as byte[])
h.assertRestoredCdylib(h.manifest(), basedir, module, false)

// the jar stays the main artifact; the wheel is attached beside it and installed with it
File repoDir = new File(localRepositoryPath as File, 'dev/rustwheel/it/jar-executions/1.0-SNAPSHOT')
assert new File(repoDir, 'jar-executions-1.0-SNAPSHOT.jar').isFile(): "the jar was not installed to ${repoDir}"
List<File> installed = (repoDir.listFiles() as List<File>).findAll { it.name.endsWith('.whl') }
assert installed: "no .whl was installed to ${repoDir}: the wheel is not attached (files: ${repoDir.list()})"
String wheelSha = h.sha256(wheel)
assert installed.any { h.sha256(it) == wheelSha }: "none of ${installed*.name} holds the bytes of ${wheel.name}"

h.assertCargoFresh(basedir, module)
return true
