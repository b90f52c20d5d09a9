def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

List<String> runs = h.invocationLogs()
assert runs.size() == 2: "expected 2 Maven runs in build.log, found ${runs.size()}"
runs.each { h.assertLogContains(it, 'BUILD SUCCESS') }

File ffiWheel = new File(basedir, 'ffi/target/wheels').listFiles().find { it.name.endsWith('.whl') }
assert ffiWheel != null && ffiWheel.name.startsWith('wh_ffi-1.0.0-cp311-cp311-'): "ffi built ${ffiWheel}"

// app's wheelhouse holds ffi's wheel under its PEP 427 name, the same bytes
File wheelhouse = new File(basedir, 'app/target/wheelhouse')
List<String> names = (wheelhouse.listFiles() as List<File>)*.name.sort()
assert names == [ffiWheel.name]: "app's wheelhouse holds ${names}, expected [${ffiWheel.name}]"
assert h.sha256(new File(wheelhouse, ffiWheel.name)) == h.sha256(ffiWheel)

// 1. from the reactor; 2. from the repository, under the name Maven gives it
h.assertLogContains(runs[0], "Wheelhouse: ${ffiWheel.name} (from ${ffiWheel.canonicalPath}" as String)
File repoWheel = new File(localRepositoryPath as String, 'dev/rustwheel/it/wheelhouse/ffi/1.0-SNAPSHOT/ffi-1.0-SNAPSHOT.whl')
assert repoWheel.isFile(): "install put no ${repoWheel}"
String fromRepo = runs[1].readLines().find { it.contains("Wheelhouse: ${ffiWheel.name} (from ") }
assert fromRepo != null && fromRepo.contains('ffi-1.0-SNAPSHOT.whl'): "run 2 took ffi's wheel from ${fromRepo}"

// in both runs, app's tests imported ffi's extension from the installed wheel
runs.each { h.assertLogContains(it, 'pytest: 1 tests passed') }
def report = new groovy.xml.XmlSlurper().parse(new File(basedir, 'app/target/failsafe-reports/TEST-app-pytest.xml'))
assert report.'**'.findAll { it.name() == 'testcase' }*.@name*.toString() == ['test_app_uses_the_extension_of_the_other_module']
String version = h.run([new File(basedir, 'app/target/rustwheel/test-venv/bin/python').path, '-c',
        'import importlib.metadata as m; print(m.version("wh-ffi"), m.version("wh-app"))'], basedir).trim()
assert version == '1.0.0 2.0.0': "the test venv has ${version}"
return true
