def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))
def audit = evaluate(new File(itDir, '_shared/audit.groovy'))

String module = 'multi_interp_demo'
String home = System.getProperty('user.home')
Map<String, String> interpreters = ['310': "${home}/.pyenv/versions/3.10.13/bin/python3.10",
                                    '311': "${home}/.pyenv/versions/3.11.7/bin/python3.11"]
h.assertLogContains(h.buildLog(), 'BUILD SUCCESS')

// one cargo build, two wheels: each named for its interpreter, with the audited platform, the same clean bytes
File so = h.cdylib(basedir, module)
String platform = audit.platformTag(so)
List<String> expected = interpreters.keySet().collect { "${module}-0.1.0-cp${it}-cp${it}-${platform}.whl" as String }
List<String> built = h.file('target/wheels').list().sort()
assert built == expected.sort(): "target/wheels holds ${built}, expected ${expected}"
h.assertCdylibClean(basedir, module)

interpreters.each { version, python ->
    File wheel = h.file("target/wheels/${module}-0.1.0-cp${version}-cp${version}-${platform}.whl")
    Map<String, byte[]> entries = h.readZip(wheel)
    String ext = "${module}/${module}.cpython-${version}-x86_64-linux-gnu.so"
    assert entries.containsKey(ext): "${wheel.name} has no ${ext}: ${entries.keySet()}"
    assert h.sha256(entries[ext]) == h.sha256(so): "${ext} in ${wheel.name} is not cargo's ${so}"
    List<String> tags = h.headers(new String(entries["${module}-0.1.0.dist-info/WHEEL" as String], 'UTF-8'))['Tag']
    assert tags == audit.expectedPlatforms(so).collect { "cp${version}-cp${version}-${it}" as String }: "WHEEL Tag ${tags}"
    h.checkRecord(entries, "${module}-0.1.0.dist-info/RECORD")

    // pip of that interpreter installs it in a venv of its own (seeding the venv with pip would cost seconds),
    // and the module works there
    File venv = h.file("target/venv-${version}")
    h.run([python, '-m', 'venv', '--without-pip', venv.absolutePath], basedir)
    String py = new File(venv, 'bin/python').absolutePath
    h.run([python, '-m', 'pip', '--python', py, 'install', '--no-index', '--no-deps', '--disable-pip-version-check',
           '--no-cache-dir', wheel.absolutePath], basedir)
    String out = h.run([py, '-c', "import ${module}, sys; print(sys.version_info[:2], ${module}.add(2, 40))"],
            h.file('target'), ['PYTHONDONTWRITEBYTECODE': '1']).trim()
    assert out == "(3, ${version.substring(1)}) 42": "python ${version} printed '${out}'"
}

// the first wheel is the module's artifact, the second attached with its tag as classifier
File repoDir = new File(localRepositoryPath as File, 'dev/rustwheel/it/multi-interpreter/1.0-SNAPSHOT')
Map<String, File> wheels = interpreters.keySet().collectEntries { v ->
    [v, h.file("target/wheels/${module}-0.1.0-cp${v}-cp${v}-${platform}.whl")] }
File main = new File(repoDir, 'multi-interpreter-1.0-SNAPSHOT.whl')
File attached = new File(repoDir, "multi-interpreter-1.0-SNAPSHOT-cp311-cp311-${platform}.whl")
assert main.isFile() && attached.isFile(): "expected ${main.name} and ${attached.name} in ${repoDir}: ${repoDir.list()}"
assert h.sha256(main) == h.sha256(wheels['310']) && h.sha256(attached) == h.sha256(wheels['311'])

h.assertCargoFresh(basedir, module)

// the test goal: one fresh venv per interpreter, each with the wheel of its own tag, one JUnit report each. Run last
// (it rebuilds target/wheels), over the pyenv interpreters for which pip can install pytest here (a pip mirror may
// lack tomli for 3.10): two are needed, else it is skipped, saying why
def mvn = evaluate(new File(itDir, '_shared/maven.groovy'))
Map<String, String> testable = (interpreters + ['312': "${home}/.pyenv/versions/3.12.1/bin/python3.12" as String])
        .findAll { version, python -> new File(python).canExecute() &&
                h.exec([python, '-m', 'pip', 'install', '--dry-run', '-q', '--ignore-installed', '--retries', '0',
                        'pytest'], basedir)[0] == 0 }
if (testable.size() < 2) {
    println "SKIPPED: the test goal over two interpreters: pip can install pytest for ${testable.keySet()} only"
    return true
}
testable = testable.take(2)
File testLog = mvn.log('test-per-interpreter')
mvn.succeed(['verify', "-Drustwheel.pythonExecutables=${testable.values().join(',')}" as String,
             '-Drustwheel.testDirectory=pytests'], testLog)
testable.eachWithIndex { version, python, i ->
    h.assertLogContains(testLog.text, "Testing ${module}-0.1.0-cp${version}-cp${version}-${platform}.whl with ${python}")
    File venvConfig = h.file("target/rustwheel/test-venv${i == 0 ? '' : '-' + (i + 1)}/pyvenv.cfg")
    assert venvConfig.text.contains("version = 3.${version.substring(1)}"): "${venvConfig}: ${venvConfig.text}"
    File report = h.file("target/failsafe-reports/TEST-multi-interpreter${i == 0 ? '' : '-' + (i + 1)}-pytest.xml")
    assert report.text.contains('tests="1"') && report.text.contains('failures="0"'): "${report}: ${report.text}"
}
println "the test goal ran pytest with ${testable.keySet()}"
return true
